import { prisma } from "@/lib/db";
import type { PersonActor } from "@/lib/auth/actor";
import { systemClock, type Clock } from "@/lib/clock";
import { inboxInclude, toInboxItem } from "./inbox-item";
import { loadScopeRouting } from "./load-scope-routing";

/**
 * Pending requests for the approval inbox: what this person can decide first, oldest first; then the
 * rest, read-only. Every signed-in person may look; deciding is checked again on the server.
 */
export async function listInbox(options: { viewer: PersonActor; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const [rows, routing] = await Promise.all([
    prisma.accessRequest.findMany({ where: { status: "PENDING", pendingExpiresAt: { gt: now } }, orderBy: { createdAt: "asc" }, take: 500, include: inboxInclude }),
    loadScopeRouting(),
  ]);
  const items = rows.map((row) => toInboxItem(row, options.viewer, routing));
  return { asOf: now.toISOString(), items: [...items.filter((i) => i.canDecide), ...items.filter((i) => !i.canDecide)] };
}
