import { prisma } from "@/lib/db";
import type { PersonActor } from "@/lib/auth/actor";
import { systemClock, type Clock } from "@/lib/clock";
import { presentEvents } from "@/lib/audit/present-events";
import { toGrantDto } from "@/lib/grants/to-grant-dto";
import { effectiveRequestStatus } from "@/lib/requests/to-request-dto";
import { inboxInclude, toInboxItem } from "./inbox-item";
import { loadScopeRouting } from "./load-scope-routing";

/** One request with everything an approver needs, its grant, and its full audit history. Null when missing. */
export async function getRequestDetail(options: { viewer: PersonActor; requestId: string; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const row = await prisma.accessRequest.findUnique({ where: { id: options.requestId }, include: { ...inboxInclude, grant: { include: { onBehalfOf: true } } } });
  if (!row) return null;
  const routing = await loadScopeRouting();
  const subjects = [row.id, ...(row.grant ? [row.grant.id] : [])];
  const history = await prisma.auditEvent.findMany({ where: { subjectId: { in: subjects } }, orderBy: { seq: "asc" }, take: 200 });
  const status = effectiveRequestStatus(row, now);
  const item = toInboxItem(row, options.viewer, routing);
  return {
    ...item,
    status,
    canDecide: status === "PENDING" && item.canDecide,
    cannotDecideReason: status === "PENDING" ? item.cannotDecideReason : `The request is ${status.toLowerCase()}`,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    outcomeReason: row.outcomeReason,
    grant: row.grant ? toGrantDto(row.grant, now) : null,
    history: await presentEvents(history),
  };
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestDetail>>>;
