import { prisma } from "@/lib/db";
import { liveOrUpcomingGrantWhere } from "@/lib/kernel/live-grant";
import { storedConstraints } from "@/lib/constraints/stored-constraints";
import type { AgentGrants, DecisionSource, IndexedGrant, ScopeAudiences } from "./decision-source";

const grantFields = { id: true, scopes: true, startsAt: true, expiresAt: true, authorizationDetails: true } as const;

const indexed = ({
  authorizationDetails,
  ...grant
}: {
  id: string;
  scopes: string[];
  startsAt: Date;
  expiresAt: Date;
  authorizationDetails: unknown;
}): IndexedGrant => ({
  ...grant,
  constraints: storedConstraints(authorizationDetails),
});

async function loadScopeAudiences(): Promise<ScopeAudiences> {
  const scopes = await prisma.scope.findMany({ select: { key: true, resourceServer: { select: { audience: true, revokedAt: true } } } });
  return new Map(scopes.map((scope) => [scope.key, scope.resourceServer && !scope.resourceServer.revokedAt ? scope.resourceServer.audience : null]));
}

/** Baton's own database as the decision index's source of truth. */
export const databaseDecisionSource: DecisionSource = {
  async loadAll(now) {
    const [grants, scopeAudiences] = await Promise.all([
      prisma.grant.findMany({ where: liveOrUpcomingGrantWhere(now), select: { ...grantFields, agentId: true, agent: { select: { status: true } } } }),
      loadScopeAudiences(),
    ]);
    const agents = new Map<string, AgentGrants>();
    for (const { agentId, agent, ...grant } of grants) {
      const entry = agents.get(agentId) ?? { agentId, active: agent.status === "ACTIVE", grants: [] };
      entry.grants.push(indexed(grant));
      agents.set(agentId, entry);
    }
    return { agents: [...agents.values()], scopeAudiences };
  },
  async loadAgent(agentId, now) {
    const agent = await prisma.agent.findUnique({
      where: { id: agentId },
      select: { status: true, grants: { where: liveOrUpcomingGrantWhere(now), select: grantFields } },
    });
    return agent ? { agentId, active: agent.status === "ACTIVE", grants: agent.grants.map(indexed) } : null;
  },
  loadScopeAudiences,
};
