import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { IncidentRef } from "@/lib/kernel/incident-ref";
import { SEVERITY_TONES } from "./tones";

/** An incident as every page names it: its severity (coloured by the one mapping) and title, linking to its page. */
export function IncidentChip({ incident, className }: { incident: IncidentRef; className?: string }) {
  const style = SEVERITY_TONES[incident.severity];
  return (
    <Link
      href={`/incidents/${incident.id}`}
      className={cn(
        "inline-flex max-w-full items-center gap-1.5 text-xs text-primary underline-offset-4 hover:underline",
        incident.status === "RESOLVED" && "opacity-70",
        className,
      )}
    >
      <Badge tone={style.tone} className={style.className}>
        {incident.severity}
      </Badge>
      <span className="wrap-anywhere">
        <span className="sr-only">Incident </span>
        {incident.title}
        {incident.status === "RESOLVED" && <span className="text-muted-foreground"> (resolved)</span>}
      </span>
    </Link>
  );
}
