import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { AgentDto, UpdateAgentBody } from "./schemas";
import { agentInclude, toAgentDto } from "./to-agent-dto";

/** Changes an agent's description or tags (policies match tags, so the event keeps both versions). */
export async function updateAgent(options: { principal: PersonPrincipal; agentId: string; input: UpdateAgentBody; clock?: Clock }): Promise<AgentDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { description, tags } = options.input;
  return prisma.$transaction(async (tx) => {
    const before = await tx.agent.findUnique({ where: { id: options.agentId } });
    if (!before) throw notFound("The agent");
    const agent = await tx.agent.update({
      where: { id: before.id },
      data: { ...(description !== undefined && { description }), ...(tags !== undefined && { tags }), updatedAt: now },
      include: agentInclude,
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "agent.updated",
      subject: { kind: "agent", id: agent.id },
      agentId: agent.id,
      data: {
        name: agent.name,
        ...(description !== undefined && { description: { before: before.description, after: agent.description } }),
        ...(tags !== undefined && { tags: { before: before.tags, after: agent.tags } }),
      },
      at: now,
    });
    return toAgentDto(agent);
  });
}
