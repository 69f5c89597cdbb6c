import type { ComponentProps } from "react";
import { RiskBadge } from "@/components/admin/risk-badge";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { InboxItem } from "./request-queries";

type Risk = ComponentProps<typeof RiskBadge>["risk"];
const RISKS: readonly string[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] satisfies Risk[];

export function ScopeRisk({ risk }: { risk: string }) {
  return RISKS.includes(risk) ? <RiskBadge risk={risk as Risk} /> : <Badge>{risk.toLowerCase()}</Badge>;
}

/** The scopes asked for, each with its risk; a critical one is set in bold beside its solid red badge. */
export function ScopeRisks({ scopes }: { scopes: InboxItem["scopes"] }) {
  return (
    <ul className="flex flex-col gap-1">
      {scopes.map((scope) => (
        <li key={scope.key} className="flex flex-wrap items-center gap-1.5">
          <span className={cn("font-mono text-xs wrap-anywhere", scope.risk === "CRITICAL" && "font-semibold")}>{scope.key}</span>
          <ScopeRisk risk={scope.risk} />
        </li>
      ))}
    </ul>
  );
}
