import { prisma } from "@/lib/db";
import type { PersonActor } from "@/lib/auth/actor";
import { systemClock, type Clock } from "@/lib/clock";
import { STEP_UP_WINDOW_MS } from "./decide-request";
import { inboxInclude, toInboxItem, type InboxItem } from "./inbox-item";
import { loadScopeRouting } from "./load-scope-routing";

const SEVERITY_RANK: Record<string, number> = { SEV1: 0, SEV2: 1, SEV3: 2, SEV4: 3 };
const RISK_RANK: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** Most urgent first: the severity of the open incident it is bound to (none last), then its riskiest scope, then the oldest. */
export function byUrgency(a: InboxItem, b: InboxItem): number {
  const severity = (item: InboxItem) => (item.incident?.status === "OPEN" ? SEVERITY_RANK[item.incident.severity]! : Infinity);
  const risk = (item: InboxItem) => Math.min(...item.scopes.map((scope) => RISK_RANK[scope.risk] ?? Infinity));
  return severity(a) - severity(b) || risk(a) - risk(b) || a.createdAt.localeCompare(b.createdAt);
}

/**
 * Pending requests for the approval inbox: what this person can decide first, most urgent first; then
 * the rest, read-only, oldest first. Every signed-in person may look; deciding is checked again on the
 * server. `signedInAt` (the browser session's sign-in) tells the page until when a critical approval
 * needs no fresh sign-in, so it can ask for one before the approver fills in the dialog.
 */
export async function listInbox(options: { viewer: PersonActor; signedInAt?: Date; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const [rows, routing] = await Promise.all([
    prisma.accessRequest.findMany({ where: { status: "PENDING", pendingExpiresAt: { gt: now } }, orderBy: { createdAt: "asc" }, take: 500, include: inboxInclude }),
    loadScopeRouting(),
  ]);
  const items = rows.map((row) => toInboxItem(row, options.viewer, routing));
  return {
    asOf: now.toISOString(),
    freshSignInUntil: options.signedInAt ? new Date(options.signedInAt.getTime() + STEP_UP_WINDOW_MS).toISOString() : null,
    items: [...items.filter((i) => i.canDecide).sort(byUrgency), ...items.filter((i) => !i.canDecide)],
  };
}
