import { Badge } from "@/components/ui/badge";

const RISK_STYLES = {
  LOW: { tone: "success", className: undefined },
  MEDIUM: { tone: "warning", className: undefined },
  HIGH: { tone: "danger", className: undefined },
  CRITICAL: { tone: "danger", className: "bg-red-700 text-white ring-red-700" },
} as const;

export function RiskBadge({ risk }: { risk: keyof typeof RISK_STYLES }) {
  const style = RISK_STYLES[risk];
  return (
    <Badge tone={style.tone} className={style.className}>
      {risk.toLowerCase()}
      <span className="sr-only"> risk</span>
    </Badge>
  );
}
