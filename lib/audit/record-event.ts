import type { Tx } from "@/lib/db";
import { SYSTEM_AUDIT_ACTOR, type AuditActor } from "@/lib/kernel/principal";
import { newId } from "@/lib/kernel/ids";
import type { AuditAction } from "./actions";
import { hashEvent, type JsonValue } from "./hash-event";
import { CHANGE_CHANNEL, type Change } from "@/lib/events/change";

/** The audit actor is defined with the principal it is derived from (lib/kernel/principal.ts, auditActorOf). */
export type Actor = AuditActor;

export const SYSTEM_ACTOR: Actor = SYSTEM_AUDIT_ACTOR;

export interface RecordEventInput {
  actor: Actor;
  action: AuditAction;
  subject: { kind: string; id: string };
  /** The agent the event concerns (its requests, grants, keys): feeds the agent's own event stream. */
  agentId?: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

/**
 * Appends an event to the hash chain inside the caller's transaction, so a change and its record
 * commit or fail together. Bumping the single AuditHead row locks it until commit, which keeps the
 * sequence gap-free and the chain unforked under concurrency. Every recorded change is also announced
 * (NOTIFY, delivered only if the transaction commits) to live streams and waiting callers.
 *
 * Every append waits for that lock, so it is held for two statements only: the bump, and one statement
 * that stores the new hash, inserts the event and announces it. Callers record their events last.
 */
export async function recordEvent(tx: Tx, input: RecordEventInput) {
  const [head] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`UPDATE "AuditHead" SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash`;
  if (!head) throw new Error("The audit head row is missing; run the migrations");
  // Round-trip through JSON so the hash covers exactly what JSONB will hand back (no undefined, no Dates).
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as JsonValue;
  const event = {
    seq: BigInt(head.seq),
    id: newId("event"),
    at: input.at,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    action: input.action,
    subjectKind: input.subject.kind,
    subjectId: input.subject.id,
    agentId: input.agentId ?? null,
    data,
  };
  const hash = hashEvent(head.hash, event);
  const change: Change = {
    seq: event.seq.toString(),
    action: event.action,
    subjectKind: event.subjectKind,
    subjectId: event.subjectId,
    agentId: event.agentId,
  };
  // Timestamps are stored as UTC wall-clock time, as Prisma stores them.
  await tx.$executeRaw`
    WITH stored_head AS (UPDATE "AuditHead" SET hash = ${hash} WHERE id = 1),
         stored_event AS (
           INSERT INTO "AuditEvent" (seq, id, at, "actorKind", "actorId", action, "subjectKind", "subjectId", "agentId", data, "prevHash", hash)
           VALUES (${event.seq}, ${event.id}, (${event.at.toISOString()}::timestamptz AT TIME ZONE 'UTC'), ${event.actorKind}::"ActorKind", ${event.actorId},
                   ${event.action}, ${event.subjectKind}, ${event.subjectId}, ${event.agentId}, ${JSON.stringify(data)}::jsonb, ${head.hash}, ${hash}))
    SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(change)})`;
  return { ...event, prevHash: head.hash, hash };
}
