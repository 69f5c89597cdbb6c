import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { auditActorOf, type SystemPrincipal } from "@/lib/kernel/principal";
import { changeDueRows } from "@/lib/database/change-due-rows";
import { reminderDueAt } from "./reminder-due-at";

/**
 * Tells agents their grant ends soon: one `grant.expiring` event per grant (it reaches the agent's event
 * stream and matching webhooks), `leadSeconds` before `expiresAt`. `reminderSentAt` is set by a guarded
 * update, so a grant is reminded once across instances; a grant that ended or was revoked first is not.
 */
export async function remindExpiringGrants(options: { principal: SystemPrincipal; now: Date; leadSeconds: number; grantIds?: string[] }): Promise<string[]> {
  const { now, leadSeconds } = options;
  if (leadSeconds <= 0) return [];
  const horizon = new Date(now.getTime() + leadSeconds * 1000);
  return changeDueRows(
    (take) =>
      prisma.grant.findMany({
        where: { status: "ACTIVE", reminderSentAt: null, expiresAt: { gt: now, lte: horizon }, ...(options.grantIds && { id: { in: options.grantIds } }) },
        select: { id: true, agentId: true, startsAt: true, expiresAt: true, scopes: true },
        orderBy: { expiresAt: "asc" },
        take,
      }),
    async (tx, grant) => {
      if (!reminderDueAt(grant, leadSeconds)) return false; // shorter than the lead time: no reminder
      const updated = await tx.grant.updateMany({
        where: { id: grant.id, status: "ACTIVE", reminderSentAt: null, expiresAt: { gt: now } },
        data: { reminderSentAt: now },
      });
      if (updated.count === 0) return false;
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "grant.expiring",
        subject: { kind: "grant", id: grant.id },
        agentId: grant.agentId,
        data: {
          expiresAt: grant.expiresAt.toISOString(),
          secondsRemaining: Math.round((grant.expiresAt.getTime() - now.getTime()) / 1000),
          scopes: grant.scopes,
        },
        at: now,
      });
      return true;
    },
  );
}
