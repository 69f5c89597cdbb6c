import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { agentInclude, toAgentDto } from "./to-agent-dto";

/** The agents table: every agent with the number of grants valid at this instant, whatever a job has marked. */
export async function listAgentSummaries(options: { clock?: Clock } = {}) {
  const now = (options.clock ?? systemClock).now();
  const activeGrants = { status: "ACTIVE" as const, revokedAt: null, startsAt: { lte: now }, expiresAt: { gt: now } };
  const agents = await prisma.agent.findMany({
    orderBy: { name: "asc" },
    include: { ...agentInclude, _count: { select: { grants: { where: activeGrants } } } },
  });
  return { asOf: now.toISOString(), agents: agents.map((agent) => ({ ...toAgentDto(agent), activeGrants: agent._count.grants })) };
}
