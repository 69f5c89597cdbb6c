import { grantStateAt } from "@/lib/grants/grant-state-at";
import { EXPIRING_SOON_MS } from "@/lib/overview/expiring-soon";
import type { Overview } from "./overview-queries";

/**
 * The headline numbers at `now` in the browser, so they move the instant a grant expires or enters its
 * last 15 minutes, before any server event. The server lists active grants soonest expiry first: when
 * the list holds every grant expiring within 15 minutes, the browser's own count is exact; otherwise
 * it falls back to the server's count less the listed ones that have lapsed since.
 */
export function liveCounts(overview: Overview, now: number) {
  const listed = overview.activeGrants;
  const stillActive = listed.filter((grant) => grantStateAt(grant, now) === "ACTIVE");
  const lapsed = listed.length - stillActive.length;
  const soon = now + EXPIRING_SOON_MS;
  const lastListed = listed.at(-1);
  const listCoversSoon = listed.length === overview.counts.activeGrants || (lastListed !== undefined && new Date(lastListed.expiresAt).getTime() > soon);
  const lapsedRequests = overview.pendingRequests.filter((request) => new Date(request.pendingExpiresAt).getTime() <= now).length;
  return {
    pendingRequests: overview.counts.pendingRequests - lapsedRequests,
    activeGrants: overview.counts.activeGrants - lapsed,
    expiringSoon: listCoversSoon
      ? stillActive.filter((grant) => new Date(grant.expiresAt).getTime() <= soon).length
      : Math.max(0, overview.counts.expiringSoon - lapsed),
    openIncidents: overview.counts.openIncidents,
    activeAgents: overview.counts.activeAgents,
  };
}
