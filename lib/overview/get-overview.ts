import { prisma } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { systemClock, type Clock } from "@/lib/clock";

const EXPIRING_SOON_MS = 15 * 60 * 1000;

/** The headline numbers and latest activity. Every role may see them; `viewer` is the principal asking. */
export async function getOverview(options: { viewer: CurrentUser; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const soon = new Date(now.getTime() + EXPIRING_SOON_MS);
  // Active means unexpired at this instant, whether or not the expiry job has marked it yet.
  const active = { status: "ACTIVE" as const, revokedAt: null, startsAt: { lte: now }, expiresAt: { gt: now } };
  const [pendingRequests, activeGrants, expiringSoon, openIncidents, activeAgents, recentEvents] = await Promise.all([
    prisma.accessRequest.count({ where: { status: "PENDING", pendingExpiresAt: { gt: now } } }),
    prisma.grant.count({ where: active }),
    prisma.grant.count({ where: { ...active, expiresAt: { gt: now, lte: soon } } }),
    prisma.incident.count({ where: { status: "OPEN" } }),
    prisma.agent.count({ where: { status: "ACTIVE" } }),
    prisma.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 15 }),
  ]);
  return {
    asOf: now.toISOString(),
    counts: { pendingRequests, activeGrants, expiringSoon, openIncidents, activeAgents },
    recentEvents: recentEvents.map((event) => ({
      seq: event.seq.toString(),
      at: event.at.toISOString(),
      actor: event.actorId ? `${event.actorKind.toLowerCase()} ${event.actorId}` : event.actorKind.toLowerCase(),
      action: event.action,
      subject: `${event.subjectKind} ${event.subjectId}`,
    })),
  };
}
