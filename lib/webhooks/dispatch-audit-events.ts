import { prisma } from "@/lib/db";
import { newId } from "@/lib/kernel/ids";
import { reminderDueAt } from "@/lib/grants/reminder-due-at";
import { chatMessagesForFiledRequest } from "./chat-message";
import { matchesEventFilter } from "./event-filter";
import { webhookPayload } from "./webhook-payload";

export const DISPATCH_CURSOR = "webhook-dispatch";
const BATCH = 200;

/** Time-based work an audit event calls for, to be scheduled on the queue once the batch is committed. */
export interface DueTimer {
  kind: "expire-grant" | "remind-grant" | "lapse-request";
  id: string;
  dueAt: Date;
}

export type DispatchOutcome = { busy: true } | { busy: false; events: number; deliveryIds: string[]; timers: DueTimer[]; more: boolean };

/**
 * Reads the audit log after a stored cursor and turns each new event into work: a delivery row for every
 * enabled webhook endpoint whose filter matches, a chat message for approver groups when a request routed
 * to them is filed, and timers for what the event starts (a grant's expiry and reminder, a request's
 * lapse). Rows and the advanced cursor commit together, so a crash loses nothing and repeats nothing:
 * the next run starts where this one committed. The cursor row is locked for the batch (SKIP LOCKED), so
 * one instance reads at a time; the others answer `busy` and leave it to that one.
 */
export async function dispatchAuditEvents(options: { now: Date; reminderLeadSeconds: number }): Promise<DispatchOutcome> {
  const { now } = options;
  return prisma.$transaction(async (tx) => {
    const [cursor] = await tx.$queryRaw<{ seq: bigint }[]>`SELECT seq FROM "JobCursor" WHERE name = ${DISPATCH_CURSOR} FOR UPDATE SKIP LOCKED`;
    if (!cursor) {
      // Normally created by the migration; if it was deleted, start again from the newest event (never replay history).
      const created =
        await tx.$executeRaw`INSERT INTO "JobCursor" (name, seq, "updatedAt") SELECT ${DISPATCH_CURSOR}, COALESCE((SELECT seq FROM "AuditHead" WHERE id = 1), 0), ${now} ON CONFLICT (name) DO NOTHING`;
      return created === 1 ? { busy: false, events: 0, deliveryIds: [], timers: [], more: true } : { busy: true };
    }
    const events = await tx.auditEvent.findMany({ where: { seq: { gt: cursor.seq } }, orderBy: { seq: "asc" }, take: BATCH });
    if (events.length === 0) return { busy: false, events: 0, deliveryIds: [], timers: [], more: false };

    const endpoints = await tx.webhookEndpoint.findMany({ where: { disabled: false }, select: { id: true, eventTypes: true } });
    const deliveries: {
      id: string;
      endpointId: string | null;
      groupId: string | null;
      eventSeq: bigint;
      eventType: string;
      payload: object;
      nextAttemptAt: Date;
      createdAt: Date;
    }[] = [];
    const timers: DueTimer[] = [];
    for (const event of events) {
      const payload = webhookPayload(event);
      for (const endpoint of endpoints)
        if (matchesEventFilter(endpoint.eventTypes, event.action))
          deliveries.push({
            id: newId("webhookDelivery"),
            endpointId: endpoint.id,
            groupId: null,
            eventSeq: event.seq,
            eventType: event.action,
            payload,
            nextAttemptAt: now,
            createdAt: now,
          });
      if (event.action === "request.filed") {
        for (const message of await chatMessagesForFiledRequest(tx, event.subjectId))
          deliveries.push({
            id: newId("webhookDelivery"),
            endpointId: null,
            groupId: message.groupId,
            eventSeq: event.seq,
            eventType: event.action,
            payload: message.payload,
            nextAttemptAt: now,
            createdAt: now,
          });
        const request = await tx.accessRequest.findUnique({ where: { id: event.subjectId }, select: { status: true, pendingExpiresAt: true } });
        if (request?.status === "PENDING") timers.push({ kind: "lapse-request", id: event.subjectId, dueAt: request.pendingExpiresAt });
      }
      if (event.action === "grant.issued") {
        const grant = await tx.grant.findUnique({ where: { id: event.subjectId }, select: { status: true, startsAt: true, expiresAt: true } });
        if (grant?.status === "ACTIVE") {
          timers.push({ kind: "expire-grant", id: event.subjectId, dueAt: grant.expiresAt });
          const remindAt = reminderDueAt(grant, options.reminderLeadSeconds);
          if (remindAt) timers.push({ kind: "remind-grant", id: event.subjectId, dueAt: remindAt });
        }
      }
    }
    if (deliveries.length) await tx.webhookDelivery.createMany({ data: deliveries, skipDuplicates: true });
    await tx.jobCursor.update({ where: { name: DISPATCH_CURSOR }, data: { seq: events.at(-1)!.seq, updatedAt: now } });
    return { busy: false, events: events.length, deliveryIds: deliveries.map((d) => d.id), timers, more: events.length === BATCH };
  });
}
