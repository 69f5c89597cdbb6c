import type { Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { auditActorOf, type Principal } from "@/lib/kernel/principal";
import { readOnCall } from "./get-on-call";
import type { OnCallDto } from "./schemas";

/**
 * Replaces who is on call for a group, inside the caller's transaction, with its audit event (which
 * the change feed announces to open dashboards). Only members may be on call: the caller has checked
 * `userIds` are members. Returns the new state and the event's sequence number.
 */
export async function replaceOnCallIn(
  tx: Tx,
  options: { principal: Principal; groupId: string; userIds: string[]; until: Date | null; source: string; now: Date; data?: Record<string, unknown> },
): Promise<OnCallDto & { seq: bigint }> {
  const { groupId, now } = options;
  const userIds = [...new Set(options.userIds)];
  const before = await readOnCall(tx, groupId, now);
  await tx.onCallShift.deleteMany({ where: { groupId } });
  await tx.onCallShift.createMany({ data: userIds.map((userId) => ({ groupId, userId, until: options.until, source: options.source, createdAt: now })) });
  const after = await readOnCall(tx, groupId, now);
  const event = await recordEvent(tx, {
    actor: auditActorOf(options.principal),
    action: "group.on_call_changed",
    subject: { kind: "group", id: groupId },
    data: {
      group: after.groupName,
      before: before.onCall.map((person) => person.email),
      onCall: after.onCall.map((person) => person.email),
      until: options.until?.toISOString() ?? null,
      source: options.source,
      ...options.data,
    },
    at: now,
  });
  return { ...after, seq: event.seq };
}
