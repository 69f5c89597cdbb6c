import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent, type Actor } from "@/lib/audit/record-event";

/**
 * Cancels, at `at`, every request matching `where` that is still pending then (a lapsed one stays
 * expired), each with its own audit event, inside the caller's transaction.
 */
export async function cancelMatchingRequests(tx: Tx, where: Prisma.AccessRequestWhereInput, cancellation: { actor: Actor; reason: string; at: Date }) {
  const { actor, reason, at } = cancellation;
  const pending = await tx.accessRequest.findMany({
    where: { ...where, status: "PENDING", pendingExpiresAt: { gt: at } },
    select: { id: true, agentId: true },
    orderBy: { id: "asc" },
  });
  let lastSeq: bigint | null = null;
  for (const request of pending) {
    const moved = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: "CANCELLED", decidedAt: at, outcomeReason: reason, updatedAt: at },
    });
    if (moved.count === 0) continue;
    lastSeq = (
      await recordEvent(tx, {
        actor,
        action: "request.cancelled",
        subject: { kind: "request", id: request.id },
        agentId: request.agentId,
        data: { reason },
        at,
      })
    ).seq;
  }
  return { requestIds: pending.map((r) => r.id), lastSeq };
}
