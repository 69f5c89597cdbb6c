import { prisma } from "@/lib/db";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { presentEvents } from "@/lib/audit/present-events";
import { toGrantDto } from "@/lib/grants/to-grant-dto";
import { describeSettlement } from "@/lib/requests/describe-settlement";
import { effectiveRequestStatus } from "@/lib/requests/to-request-dto";
import type { NotCountedReason } from "./approval-progress";
import { STEP_UP_WINDOW_MS } from "./decide-request";
import { inboxInclude, toInboxItem } from "./inbox-item";
import { loadScopeRouting } from "./load-scope-routing";

/**
 * One request with everything an approver needs, who settled it (once settled), its grant, and its full
 * audit history. Null when missing. The sign-in time is read as in listInbox.
 */
export async function getRequestDetail(options: { principal: PersonPrincipal; requestId: string; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const row = await prisma.accessRequest.findUnique({
    where: { id: options.requestId },
    include: { ...inboxInclude, grant: { include: { onBehalfOf: true } } },
  });
  if (!row) return null;
  const routing = await loadScopeRouting();
  const subjects = [row.id, ...(row.grant ? [row.grant.id] : [])];
  const history = await prisma.auditEvent.findMany({ where: { subjectId: { in: subjects } }, orderBy: { seq: "asc" }, take: 200 });
  const status = effectiveRequestStatus(row, now);
  const item = toInboxItem(row, options.principal, routing);
  // Once approved, which approvals counted is what the decision recorded, whoever sits in the groups since.
  const approved = status === "APPROVED" ? history.findLast((e) => e.action === "request.approved") : undefined;
  const recorded = (approved?.data as { notCounted?: { approverId: string; reason: NotCountedReason }[] } | undefined)?.notCounted;
  const approvals = recorded
    ? item.approvals.map((a, i) => ({ ...a, notCounted: recorded.find((n) => n.approverId === row.approvals[i]!.approverId)?.reason ?? null }))
    : item.approvals;
  return {
    ...item,
    status,
    approvals,
    canDecide: status === "PENDING" && item.canDecide,
    stillNeeded: status === "PENDING" ? item.stillNeeded : null,
    cannotDecideReason: status === "PENDING" ? item.cannotDecideReason : `The request is ${status.toLowerCase()}`,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    outcomeReason: row.outcomeReason,
    /** Who settled the request, what and why: an open decision dialog says so when someone else decides first. */
    settlement: status === "PENDING" ? null : await describeSettlement(prisma, row, now),
    freshSignInUntil: options.principal.authTime ? new Date(options.principal.authTime.getTime() + STEP_UP_WINDOW_MS).toISOString() : null,
    grant: row.grant ? toGrantDto(row.grant, now) : null,
    history: await presentEvents(history),
  };
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestDetail>>>;
