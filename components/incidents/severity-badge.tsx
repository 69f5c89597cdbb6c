import { Badge } from "@/components/ui/badge";

const TONES = { SEV1: "danger", SEV2: "warning", SEV3: "info", SEV4: "neutral" } as const;

/** SEV1 (most severe) to SEV4, coloured so the worst stands out in a list. */
export function SeverityBadge({ severity }: { severity: keyof typeof TONES }) {
  return (
    <Badge tone={TONES[severity]} aria-label={`Severity ${severity}`}>
      {severity}
    </Badge>
  );
}

export function IncidentStatusBadge({ status }: { status: "OPEN" | "RESOLVED" }) {
  return <Badge tone={status === "OPEN" ? "danger" : "neutral"}>{status.toLowerCase()}</Badge>;
}
