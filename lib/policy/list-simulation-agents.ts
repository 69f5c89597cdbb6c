import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import type { Principal } from "@/lib/kernel/principal";

/** The active agents a hypothetical request in a simulation may name, with the scopes each may ask for. Admins only. */
export async function listSimulationAgents(options: { principal: Principal }): Promise<{ id: string; name: string; eligibleScopes: string[] }[]> {
  requireAdmin(options.principal);
  const agents = await prisma.agent.findMany({
    where: { status: "ACTIVE" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, eligibleScopes: { select: { scope: { select: { key: true } } } } },
  });
  return agents.map((agent) => ({ id: agent.id, name: agent.name, eligibleScopes: agent.eligibleScopes.map((eligible) => eligible.scope.key) }));
}
