import Link from "next/link";
import { cn } from "@/lib/cn";

/** A grant named by its agent, linking to the grant's page; screen readers hear "Grant to <agent>". */
export function GrantLink({ grantId, agentName, className }: { grantId: string; agentName: string; className?: string }) {
  return (
    <Link href={`/grants/${grantId}`} className={cn("font-medium text-primary underline-offset-4 hover:underline", className)}>
      <span className="sr-only">Grant to </span>
      {agentName}
    </Link>
  );
}
