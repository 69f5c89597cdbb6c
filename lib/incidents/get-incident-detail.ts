import { prisma } from "@/lib/db";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { describeEventData } from "@/lib/audit/describe-event";
import { loadEventNames } from "@/lib/audit/present-events";
import { effectiveGrantState } from "@/lib/grants/grant-validity";
import { statusFilter } from "@/lib/grants/list-agent-grants";
import { grantInclude, toGrantDto } from "@/lib/grants/to-grant-dto";
import { loadScopeRefs } from "@/lib/scopes/scope-refs";
import { mayRunIncident } from "@/lib/authorization/rules";
import { countBound, incidentInclude, toIncidentDto } from "./to-incident-dto";

const TIMELINE_LIMIT = 300;
/** Enough to show what an agent holds before the commander adds to it; the agent's page lists every one. */
const HELD_GRANTS_SHOWN = 50;

/** Who command can pass to: the active commanders and admins other than the present commander, by name. */
async function otherEligibleCommanders(commanderId: string | null) {
  return prisma.user.findMany({
    where: { disabled: false, role: { in: ["COMMANDER", "ADMIN"] }, ...(commanderId && { id: { not: commanderId } }) },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

/** The agents a commander can hand authority to, each with its owner and the grants it holds right now (its standing exposure). */
async function grantableAgents(now: Date) {
  const agents = await prisma.agent.findMany({
    where: { status: "ACTIVE" },
    orderBy: { name: "asc" },
    include: {
      owner: { select: { name: true, email: true } },
      eligibleScopes: { include: { scope: { select: { key: true, risk: true, maxDurationSeconds: true, description: true } } } },
      grants: { where: statusFilter("active", now), orderBy: [{ expiresAt: "asc" }, { id: "asc" }], take: HELD_GRANTS_SHOWN, include: grantInclude },
    },
  });
  const scopeRefs = await loadScopeRefs(agents.flatMap((agent) => agent.grants.map((grant) => grant.scopes)));
  return agents.map((agent) => ({
    id: agent.id,
    name: agent.name,
    owner: agent.owner,
    eligibleScopes: agent.eligibleScopes.map((e) => e.scope).sort((a, b) => a.key.localeCompare(b.key)),
    heldGrants: agent.grants.map((grant) => ({ ...toGrantDto(grant, now), scopeRefs: scopeRefs(grant.scopes) })),
  }));
}

/**
 * One incident as its page shows it: the incident, every grant bound to it (with its state now), the
 * requests bound to it still pending, and its timeline — the incident's own audit events and those of
 * the requests and grants bound to it, newest first — plus, for a viewer who runs it, the agents they can
 * grant authority to. Null when missing; every signed-in person may read it.
 */
export async function getIncidentDetail(options: { principal: PersonPrincipal; incidentId: string; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const row = await prisma.incident.findUnique({ where: { id: options.incidentId }, include: incidentInclude });
  if (!row) return null;
  const [grants, requests] = await Promise.all([
    prisma.grant.findMany({
      where: { incidentId: row.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      include: { agent: { select: { id: true, name: true } }, onBehalfOf: { select: { email: true } } },
    }),
    prisma.accessRequest.findMany({
      where: { incidentId: row.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      include: { agent: { select: { id: true, name: true } }, filedBy: { select: { name: true } }, _count: { select: { approvals: true } } },
    }),
  ]);
  const boundIds = [...grants.map((g) => g.id), ...requests.map((r) => r.id)];
  const events = await prisma.auditEvent.findMany({
    where: { OR: [{ subjectKind: "incident", subjectId: row.id }, { subjectId: { in: boundIds } }] },
    orderBy: { seq: "desc" },
    take: TIMELINE_LIMIT,
  });

  const userIds = [
    ...new Set([...events.filter((e) => e.actorKind === "USER").map((e) => e.actorId), ...grants.map((g) => g.grantedById)].filter((id): id is string => !!id)),
  ];
  const agentIds = [...new Set(events.map((e) => e.agentId).filter((id): id is string => !!id))];
  const [users, agents, integrations] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    prisma.agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } }),
    prisma.incidentIntegration.findMany({ select: { id: true, name: true } }),
  ]);
  const names = new Map([...users, ...agents, ...integrations].map((named) => [named.id, named.name]));
  const actorName = (kind: string, id: string | null) => (kind === "SYSTEM" ? "Baton" : (names.get(id ?? "") ?? id ?? kind.toLowerCase()));

  const [eventNames, scopeRefs] = await Promise.all([
    loadEventNames(events),
    loadScopeRefs([...grants.map((g) => g.scopes), ...requests.map((r) => r.requestedScopes)]),
  ]);
  const canRun = row.status === "OPEN" && mayRunIncident(options.principal, row);
  return {
    ...toIncidentDto(row, (await countBound(prisma, [row.id], now))(row.id)),
    canRun,
    grants: grants.map((grant) => {
      const state = effectiveGrantState(grant, now);
      return {
        id: grant.id,
        agent: grant.agent,
        scopes: grant.scopes,
        scopeRefs: scopeRefs(grant.scopes),
        onBehalfOf: grant.onBehalfOf?.email ?? null,
        grantedBy: actorName(grant.grantedByKind, grant.grantedById),
        viaRequest: grant.requestId,
        startsAt: grant.startsAt.toISOString(),
        expiresAt: grant.expiresAt.toISOString(),
        revokedAt: grant.revokedAt?.toISOString() ?? null,
        status: state === "NOT_STARTED" ? ("ACTIVE" as const) : state,
      };
    }),
    pendingRequestList: requests
      .filter((request) => request.status === "PENDING" && request.pendingExpiresAt > now)
      .map((request) => ({
        id: request.id,
        agent: request.agent,
        scopes: request.requestedScopes,
        scopeRefs: scopeRefs(request.requestedScopes),
        filedBy: request.filedBy?.name ?? null,
        approvals: request._count.approvals,
        createdAt: request.createdAt.toISOString(),
      })),
    timeline: events.map((event) => ({
      seq: event.seq.toString(),
      at: event.at.toISOString(),
      action: event.action,
      actor: actorName(event.actorKind, event.actorId),
      subject: { kind: event.subjectKind, id: event.subjectId },
      agent: event.agentId ? (names.get(event.agentId) ?? null) : null,
      details: describeEventData(event.data, eventNames),
      data: event.data,
    })),
    agents: canRun ? await grantableAgents(now) : [],
    commanders: canRun ? await otherEligibleCommanders(row.commanderId) : [],
  };
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncidentDetail>>>;
