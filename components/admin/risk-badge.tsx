import { RISK_TONES, type Risk } from "@/components/context/tones";
import { Badge } from "@/components/ui/badge";

export function RiskBadge({ risk }: { risk: Risk }) {
  const style = RISK_TONES[risk];
  return (
    <Badge tone={style.tone} className={style.className}>
      {risk.toLowerCase()}
      <span className="sr-only"> risk</span>
    </Badge>
  );
}
