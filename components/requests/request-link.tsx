import Link from "next/link";

/** A request named by its agent, linking to the request's page; screen readers hear "Request of <agent>". */
export function RequestLink({ requestId, agentName }: { requestId: string; agentName: string }) {
  return (
    <Link href={`/requests/${requestId}`} className="font-medium text-primary underline-offset-4 hover:underline">
      <span className="sr-only">Request of </span>
      {agentName}
    </Link>
  );
}
