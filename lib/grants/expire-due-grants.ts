import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { auditActorOf, type SystemPrincipal } from "@/lib/kernel/principal";
import { changeDueRows } from "@/lib/database/change-due-rows";

/**
 * Marks ACTIVE grants whose `expiresAt` has passed as EXPIRED, each in its own transaction with a
 * `grant.expired` event dated at the true expiry (not when this ran: a grant that ended while Baton was
 * stopped is recorded as ending when it did). The update is guarded on the grant still being ACTIVE and
 * due, so two instances, or a job and the sweep, mark it exactly once. Decisions never wait for this:
 * they deny at `expiresAt` themselves. Returns the ids marked.
 */
export async function expireDueGrants(options: { principal: SystemPrincipal; now: Date; grantIds?: string[] }): Promise<string[]> {
  const { now } = options;
  return changeDueRows(
    (take) =>
      prisma.grant.findMany({
        where: { status: "ACTIVE", expiresAt: { lte: now }, ...(options.grantIds && { id: { in: options.grantIds } }) },
        select: { id: true, agentId: true, expiresAt: true, scopes: true },
        orderBy: { expiresAt: "asc" },
        take,
      }),
    async (tx, grant) => {
      const updated = await tx.grant.updateMany({
        where: { id: grant.id, status: "ACTIVE", expiresAt: { lte: now } },
        data: { status: "EXPIRED", updatedAt: now },
      });
      if (updated.count === 0) return false;
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "grant.expired",
        subject: { kind: "grant", id: grant.id },
        agentId: grant.agentId,
        data: { expiresAt: grant.expiresAt.toISOString(), scopes: grant.scopes, markedAt: now.toISOString() },
        at: grant.expiresAt,
      });
      return true;
    },
  );
}
