import { prisma } from "@/lib/db";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { STEP_UP_WINDOW_MS } from "./decide-request";
import { inboxInclude, toInboxItem } from "./inbox-item";
import { byUrgency } from "./inbox-urgency";
import { loadScopeRouting } from "./load-scope-routing";

/**
 * Pending requests for the approval inbox: what this person can decide first, most urgent first; then
 * the rest, read-only, oldest first. Every signed-in person may look; deciding is checked again on the
 * server. The principal's sign-in time (a browser session's; a personal token has none) tells the page until when a critical approval
 * needs no fresh sign-in, so it can ask for one before the approver fills in the dialog.
 */
export async function listInbox(options: { principal: PersonPrincipal; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const [rows, routing] = await Promise.all([
    prisma.accessRequest.findMany({
      where: { status: "PENDING", pendingExpiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
      take: 500,
      include: inboxInclude,
    }),
    loadScopeRouting(),
  ]);
  const items = rows.map((row) => toInboxItem(row, options.principal, routing));
  return {
    asOf: now.toISOString(),
    freshSignInUntil: options.principal.authTime ? new Date(options.principal.authTime.getTime() + STEP_UP_WINDOW_MS).toISOString() : null,
    items: [...items.filter((i) => i.canDecide).sort(byUrgency), ...items.filter((i) => !i.canDecide)],
  };
}
