import { prisma } from "@/lib/db";
import type { AgentPrincipal } from "@/lib/kernel/principal";
import type { EligibleScopeDto } from "./schemas";

/** The scopes an agent may ask for (its eligible set, as an admin configured it), ordered by key. */
export async function listEligibleScopes(options: { principal: AgentPrincipal }): Promise<EligibleScopeDto[]> {
  const scopes = await prisma.scope.findMany({
    where: { eligibleFor: { some: { agentId: options.principal.agentId } } },
    orderBy: { key: "asc" },
    include: { resourceServer: { select: { audience: true } } },
  });
  return scopes.map((scope) => ({
    key: scope.key,
    description: scope.description,
    risk: scope.risk,
    maxDurationSeconds: scope.maxDurationSeconds,
    autoApprove: scope.autoApprove,
    approvalsRequired: scope.approvalsRequired,
    resourceServer: scope.resourceServer?.audience ?? null,
  }));
}
