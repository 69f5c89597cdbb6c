import { prisma } from "@/lib/db";
import { notFound } from "@/lib/kernel/errors";
import { toAgentKeyDto } from "./to-agent-dto";

export async function listAgentKeys(options: { agentId: string }) {
  const agent = await prisma.agent.findUnique({ where: { id: options.agentId }, include: { keys: { orderBy: { createdAt: "desc" } } } });
  if (!agent) throw notFound("The agent");
  return agent.keys.map(toAgentKeyDto);
}
