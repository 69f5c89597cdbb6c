import type { InboxItem } from "./inbox-item";

const SEVERITY_RANK: Record<string, number> = { SEV1: 0, SEV2: 1, SEV3: 2, SEV4: 3 };
const RISK_RANK: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** Most urgent first: the severity of the open incident it is bound to (none last), then its riskiest scope, then the oldest. */
export function byUrgency(a: InboxItem, b: InboxItem): number {
  const severity = (item: InboxItem) => (item.incident?.status === "OPEN" ? SEVERITY_RANK[item.incident.severity]! : Infinity);
  const risk = (item: InboxItem) => Math.min(...item.scopes.map((scope) => RISK_RANK[scope.risk] ?? Infinity));
  return severity(a) - severity(b) || risk(a) - risk(b) || a.createdAt.localeCompare(b.createdAt);
}
