import type { AuditEvent } from "@/lib/generated/prisma/client";

/**
 * The body of a webhook for an audit event, in the Standard Webhooks shape `{type, timestamp, data}`:
 * ids and the event's recorded details (the audit log never holds secrets: only hashes and prefixes).
 */
export function webhookPayload(
  event: Pick<AuditEvent, "id" | "seq" | "at" | "action" | "actorKind" | "actorId" | "subjectKind" | "subjectId" | "agentId" | "data">,
) {
  return {
    type: event.action,
    timestamp: event.at.toISOString(),
    data: {
      eventId: event.id,
      seq: event.seq.toString(),
      actor: { kind: event.actorKind, id: event.actorId },
      subject: { kind: event.subjectKind, id: event.subjectId },
      agentId: event.agentId,
      details: event.data,
    },
  };
}

export const TEST_EVENT_TYPE = "webhook.test";

export function testPayload(endpointId: string, now: Date) {
  return { type: TEST_EVENT_TYPE, timestamp: now.toISOString(), data: { endpointId, message: "A test event sent from Baton" } };
}
