import type { ComponentProps } from "react";
import { RiskBadge } from "@/components/admin/risk-badge";
import { ScopeChips } from "@/components/context/scope-chip";
import { Badge } from "@/components/ui/badge";
import type { InboxItem } from "./request-queries";

type Risk = ComponentProps<typeof RiskBadge>["risk"];
const RISKS: readonly string[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] satisfies Risk[];

export function ScopeRisk({ risk }: { risk: string }) {
  return RISKS.includes(risk) ? <RiskBadge risk={risk as Risk} /> : <Badge>{risk.toLowerCase()}</Badge>;
}

/** The scopes asked for, each as the one scope chip (key and risk). */
export function ScopeRisks({ scopes }: { scopes: InboxItem["scopes"] }) {
  return <ScopeChips scopes={scopes} />;
}
