import { SEVERITY_TONES, type Severity } from "@/components/context/tones";
import { Badge } from "@/components/ui/badge";

/** SEV1 (most severe) to SEV4, coloured so the worst stands out in a list. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const style = SEVERITY_TONES[severity];
  return (
    <Badge tone={style.tone} className={style.className} aria-label={`Severity ${severity}`}>
      {severity}
    </Badge>
  );
}

export function IncidentStatusBadge({ status }: { status: "OPEN" | "RESOLVED" }) {
  return <Badge tone={status === "OPEN" ? "danger" : "neutral"}>{status.toLowerCase()}</Badge>;
}
