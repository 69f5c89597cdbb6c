import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/clock";
import { statusFilter } from "./list-agent-grants";
import { toGrantDto } from "./to-grant-dto";

export type GrantStatusFilter = Parameters<typeof statusFilter>[0];

/** The newest grants across every agent, with the agent's name; status is decided at this instant. */
export async function listGrants(options: { status: GrantStatusFilter; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const grants = await prisma.grant.findMany({
    where: statusFilter(options.status, now),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    include: { onBehalfOf: true, agent: { select: { id: true, name: true } } },
  });
  return grants.map((grant) => ({ ...toGrantDto(grant, now), agent: grant.agent }));
}

export type GrantListItem = Awaited<ReturnType<typeof listGrants>>[number];
