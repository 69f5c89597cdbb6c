import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { AgentPrincipal } from "@/lib/kernel/principal";
import { requestInclude, toRequestDto } from "./to-request-dto";

/** Status as the caller sees it: a pending request past its lapse time counts as expired. */
function statusFilter(status: RequestStatus | undefined, now: Date): Prisma.AccessRequestWhereInput {
  if (status === "PENDING") return { status: "PENDING", pendingExpiresAt: { gt: now } };
  if (status === "EXPIRED") return { OR: [{ status: "EXPIRED" }, { status: "PENDING", pendingExpiresAt: { lte: now } }] };
  return status ? { status } : {};
}

/** The agent's own requests, newest first; keyset-paginated on the time-ordered id. */
export async function listRequests(options: { principal: AgentPrincipal; status?: RequestStatus; cursor?: string; limit: number; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const rows = await prisma.accessRequest.findMany({
    where: { agentId: options.principal.agentId, ...statusFilter(options.status, now), ...(options.cursor ? { id: { lt: options.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: options.limit + 1,
    include: requestInclude,
  });
  const page = rows.slice(0, options.limit);
  return { items: page.map((row) => toRequestDto(row, now)), nextCursor: rows.length > options.limit ? page.at(-1)!.id : null };
}
