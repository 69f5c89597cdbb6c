import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { statusFilter } from "@/lib/grants/list-agent-grants";
import { grantInclude, toGrantDto } from "@/lib/grants/to-grant-dto";
import { requestInclude, toRequestDto } from "@/lib/requests/to-request-dto";
import { incidentRefSelect } from "@/lib/kernel/incident-ref";
import { loadScopeRefs } from "@/lib/scopes/scope-refs";
import { scopeInclude, toScopeDto } from "@/lib/scopes/to-scope-dto";
import { federatedIdentityInclude, toFederatedIdentityDto } from "@/lib/workload-identity/to-workload-dto";
import { toAgentDto, toAgentKeyDto } from "./to-agent-dto";

const RECENT_ITEMS = 20;
/** Far above what one agent should hold at once; the page says when the cap is reached. */
const HELD_GRANTS_LISTED = 500;

/**
 * Everything the agent page shows, read at one instant so statuses and countdowns agree — including
 * every grant it holds right now, from which the page derives its standing exposure; null when no
 * agent has the id. Like the catalog, it is not secret to signed-in people: callers authenticate first.
 */
export async function getAgentDetail(options: { agentId: string; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const agent = await prisma.agent.findUnique({
    where: { id: options.agentId },
    include: {
      owner: true,
      eligibleScopes: { include: { scope: { include: scopeInclude } } },
      keys: { orderBy: { createdAt: "desc" } },
      federatedIdentities: { orderBy: { createdAt: "asc" }, include: federatedIdentityInclude },
      requests: { orderBy: { id: "desc" }, take: RECENT_ITEMS, include: requestInclude },
      grants: { orderBy: { createdAt: "desc" }, take: RECENT_ITEMS, include: { ...grantInclude, incident: { select: incidentRefSelect } } },
    },
  });
  if (!agent) return null;
  const held = await prisma.grant.findMany({
    where: { agentId: agent.id, ...statusFilter("active", now) },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: HELD_GRANTS_LISTED,
    include: grantInclude,
  });
  const issuers = await prisma.workloadIssuer.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, issuer: true } });
  const scopeRefs = await loadScopeRefs([...agent.requests.map((request) => request.requestedScopes), ...agent.grants.map((grant) => grant.scopes)]);
  return {
    asOf: now.toISOString(),
    agent: toAgentDto(agent),
    eligibleScopes: agent.eligibleScopes.map((eligible) => toScopeDto(eligible.scope)).sort((a, b) => a.key.localeCompare(b.key)),
    keys: agent.keys.map(toAgentKeyDto),
    /** Workload identity federation: whether static keys are refused, the identities it signs in as, and the issuers to pick from. */
    federation: { requireFederation: agent.requireFederation, identities: agent.federatedIdentities.map(toFederatedIdentityDto), issuers },
    recentRequests: agent.requests.map((request) => ({ ...toRequestDto(request, now), scopeRefs: scopeRefs(request.requestedScopes) })),
    recentGrants: agent.grants.map((grant) => ({ ...toGrantDto(grant, now), incident: grant.incident, scopeRefs: scopeRefs(grant.scopes) })),
    heldGrants: held.map((grant) => toGrantDto(grant, now)),
    heldGrantsCapped: held.length === HELD_GRANTS_LISTED,
  };
}
