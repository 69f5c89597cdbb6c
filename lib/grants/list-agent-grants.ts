import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { liveGrantWhere } from "@/lib/kernel/live-grant";
import type { AgentPrincipal } from "@/lib/kernel/principal";
import { grantInclude, toGrantDto } from "./to-grant-dto";

export function statusFilter(status: "active" | "expired" | "revoked" | "all", now: Date): Prisma.GrantWhereInput {
  switch (status) {
    case "active":
      return liveGrantWhere(now);
    case "expired":
      return { revokedAt: null, OR: [{ status: "EXPIRED" }, { status: "ACTIVE", expiresAt: { lte: now } }] };
    case "revoked":
      return { status: "REVOKED" };
    case "all":
      return {};
  }
}

/** The agent's own grants; "active" is decided at this instant, whatever any job has marked. */
export async function listAgentGrants(options: { principal: AgentPrincipal; status: "active" | "expired" | "revoked" | "all"; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const grants = await prisma.grant.findMany({
    where: { agentId: options.principal.agentId, ...statusFilter(options.status, now) },
    orderBy: options.status === "active" ? { expiresAt: "asc" } : { createdAt: "desc" },
    take: 200,
    include: grantInclude,
  });
  return grants.map((grant) => toGrantDto(grant, now));
}
