import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { auditActorOf, type SystemPrincipal } from "@/lib/kernel/principal";
import { changeDueRows } from "@/lib/database/change-due-rows";

const REASON = "No decision before the request lapsed";

/**
 * Moves PENDING requests past `pendingExpiresAt` to EXPIRED with a `request.expired` event dated at the
 * moment they lapsed. Guarded on the request still being PENDING, so a racing approval or a second
 * instance leaves exactly one outcome. Readers already show such a request as expired before this runs.
 */
export async function lapseDueRequests(options: { principal: SystemPrincipal; now: Date; requestIds?: string[] }): Promise<string[]> {
  const { now } = options;
  return changeDueRows(
    (take) =>
      prisma.accessRequest.findMany({
        where: { status: "PENDING", pendingExpiresAt: { lte: now }, ...(options.requestIds && { id: { in: options.requestIds } }) },
        select: { id: true, agentId: true, pendingExpiresAt: true },
        orderBy: { pendingExpiresAt: "asc" },
        take,
      }),
    async (tx, request) => {
      const updated = await tx.accessRequest.updateMany({
        where: { id: request.id, status: "PENDING", pendingExpiresAt: { lte: now } },
        data: { status: "EXPIRED", decidedAt: request.pendingExpiresAt, outcomeReason: REASON, updatedAt: now },
      });
      if (updated.count === 0) return false;
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "request.expired",
        subject: { kind: "request", id: request.id },
        agentId: request.agentId,
        data: { reason: REASON, pendingExpiresAt: request.pendingExpiresAt.toISOString(), markedAt: now.toISOString() },
        at: request.pendingExpiresAt,
      });
      return true;
    },
  );
}
