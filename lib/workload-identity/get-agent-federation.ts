import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { notFound } from "@/lib/kernel/errors";
import type { AgentFederationDto } from "./schemas";
import { federatedIdentityInclude, toFederatedIdentityDto } from "./to-workload-dto";

/** Whether the agent must federate, and the workload identities it may sign in as. */
export async function getAgentFederation(options: { principal: PersonPrincipal; agentId: string }): Promise<AgentFederationDto> {
  requireAdmin(options.principal);
  const agent = await prisma.agent.findUnique({
    where: { id: options.agentId },
    select: { id: true, requireFederation: true, federatedIdentities: { include: federatedIdentityInclude, orderBy: { createdAt: "asc" } } },
  });
  if (!agent) throw notFound("The agent");
  return { agentId: agent.id, requireFederation: agent.requireFederation, identities: agent.federatedIdentities.map(toFederatedIdentityDto) };
}
