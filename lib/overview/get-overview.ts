import { cleanupDueWhere } from "@/lib/credentials/credential-where";
import { prisma } from "@/lib/db";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { mayOpenIncidents, mayReadAudit } from "@/lib/authorization/rules";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { statusFilter } from "@/lib/grants/list-agent-grants";
import { toGrantDto } from "@/lib/grants/to-grant-dto";
import { EXPIRING_SOON_MS } from "./expiring-soon";
import { presentEvents } from "@/lib/audit/present-events";
import { incidentRefSelect } from "@/lib/kernel/incident-ref";
import { loadScopeRefs } from "@/lib/scopes/scope-refs";
import { getDelegationActivity } from "./get-delegation-activity";

/** Active grants listed soonest-expiry first: enough that the browser can count the ones expiring within 15 minutes itself. */
const ACTIVE_GRANTS_LISTED = 50;
const PENDING_REQUESTS_LISTED = 20;
const RECENT_EVENTS_LISTED = 15;
const MY_INCIDENTS_LISTED = 10;

/**
 * The live delegation state at one instant: the headline numbers, the active grants (soonest expiry
 * first, so the browser can count down and flip them to expired on its own), the pending requests by
 * age, the activity charts, and — for people who may read the audit log — its latest entries.
 */
export async function getOverview(options: { principal: PersonPrincipal; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const soon = new Date(now.getTime() + EXPIRING_SOON_MS);
  // Active means unexpired at this instant, whether or not the expiry job has marked it yet.
  const active = statusFilter("active", now);
  const pending = { status: "PENDING" as const, pendingExpiresAt: { gt: now } };
  const readsAudit = mayReadAudit(options.principal);
  const commands = mayOpenIncidents(options.principal);
  const [pendingRequests, activeGrants, expiringSoon, openIncidents, activeAgents, grants, requests, recentEvents, activity, myOpenIncidents] =
    await Promise.all([
      prisma.accessRequest.count({ where: pending }),
      prisma.grant.count({ where: active }),
      prisma.grant.count({ where: { ...active, expiresAt: { gt: now, lte: soon } } }),
      prisma.incident.count({ where: { status: "OPEN" } }),
      prisma.agent.count({ where: { status: "ACTIVE" } }),
      prisma.grant.findMany({
        where: active,
        orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
        take: ACTIVE_GRANTS_LISTED,
        include: { onBehalfOf: true, agent: { select: { id: true, name: true } }, incident: { select: incidentRefSelect } },
      }),
      prisma.accessRequest.findMany({
        where: pending,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: PENDING_REQUESTS_LISTED,
        include: { onBehalfOf: { select: { email: true } }, agent: { select: { id: true, name: true } }, incident: { select: incidentRefSelect } },
      }),
      readsAudit ? prisma.auditEvent.findMany({ orderBy: { seq: "desc" }, take: RECENT_EVENTS_LISTED }) : Promise.resolve(null),
      getDelegationActivity({ now }),
      prisma.incident.findMany({
        where: { status: "OPEN", commanderId: options.principal.userId },
        orderBy: [{ severity: "asc" }, { openedAt: "asc" }],
        take: MY_INCIDENTS_LISTED,
        select: { ...incidentRefSelect, openedAt: true, _count: { select: { grants: { where: active } } } },
      }),
    ]);
  // Principals of ended grants still on their systems (a target down): shown until the clean-up succeeds.
  const credentialCleanupPending = await prisma.issuedCredential.count({ where: cleanupDueWhere(now) });
  const scopeRefs = await loadScopeRefs([...grants.map((grant) => grant.scopes), ...requests.map((request) => request.requestedScopes)]);
  return {
    asOf: now.toISOString(),
    counts: { pendingRequests, activeGrants, expiringSoon, openIncidents, activeAgents },
    activeGrants: grants.map((grant) => ({ ...toGrantDto(grant, now), agent: grant.agent, incident: grant.incident, scopeRefs: scopeRefs(grant.scopes) })),
    pendingRequests: requests.map((request) => ({
      id: request.id,
      agent: request.agent,
      scopes: request.requestedScopes,
      scopeRefs: scopeRefs(request.requestedScopes),
      incident: request.incident,
      onBehalfOf: request.onBehalfOf?.email ?? null,
      durationSeconds: request.requestedDurationSeconds,
      createdAt: request.createdAt.toISOString(),
      pendingExpiresAt: request.pendingExpiresAt.toISOString(),
    })),
    activity,
    credentialCleanupPending,
    recentEvents: recentEvents ? await presentEvents(recentEvents) : null,
    /** The open incidents the viewer commands, most severe first; null for roles that never command one and command none. */
    myOpenIncidents:
      commands || myOpenIncidents.length > 0
        ? myOpenIncidents.map(({ _count, openedAt, ...incident }) => ({ ...incident, openedAt: openedAt.toISOString(), activeGrants: _count.grants }))
        : null,
  };
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;
