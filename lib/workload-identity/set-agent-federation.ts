import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { AgentFederationDto } from "./schemas";
import { getAgentFederation } from "./get-agent-federation";

/** Requires (or stops requiring) workload identity federation for an agent: while required, its static keys are refused. */
export async function setAgentFederation(options: {
  principal: PersonPrincipal;
  agentId: string;
  requireFederation: boolean;
  clock?: Clock;
}): Promise<AgentFederationDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  await prisma.$transaction(async (tx) => {
    const agent = await tx.agent.findUnique({ where: { id: options.agentId }, select: { id: true, requireFederation: true } });
    if (!agent) throw notFound("The agent");
    if (agent.requireFederation === options.requireFederation) return;
    await tx.agent.update({ where: { id: agent.id }, data: { requireFederation: options.requireFederation } });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "agent.federation_changed",
      subject: { kind: "agent", id: agent.id },
      agentId: agent.id,
      data: { requireFederation: options.requireFederation },
      at: now,
    });
  });
  return getAgentFederation({ principal: options.principal, agentId: options.agentId });
}
