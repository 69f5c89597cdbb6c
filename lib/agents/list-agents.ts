import { prisma } from "@/lib/db";
import type { AgentDto } from "./schemas";
import { agentInclude, toAgentDto } from "./to-agent-dto";

export async function listAgents(): Promise<AgentDto[]> {
  const agents = await prisma.agent.findMany({ orderBy: { name: "asc" }, include: agentInclude });
  return agents.map(toAgentDto);
}
