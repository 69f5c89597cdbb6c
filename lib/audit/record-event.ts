import type { Tx } from "@/lib/db";
import type { ActorKind } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import type { AuditAction } from "./actions";
import { hashEvent, type JsonValue } from "./hash-event";
import { announceChange } from "@/lib/events/announce-change";

export interface Actor {
  kind: ActorKind;
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: "SYSTEM", id: null };

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
 */
export async function recordEvent(tx: Tx, input: RecordEventInput) {
  const head = await tx.auditHead.update({ where: { id: 1 }, data: { seq: { increment: 1 } } });
  // Round-trip through JSON so the hash covers exactly what JSONB will hand back (no undefined, no Dates).
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as JsonValue;
  const event = {
    seq: head.seq,
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
  await tx.auditHead.update({ where: { id: 1 }, data: { hash } });
  const created = await tx.auditEvent.create({ data: { ...event, data: data as never, prevHash: head.hash, hash } });
  await announceChange(tx, { seq: created.seq.toString(), action: created.action, subjectKind: created.subjectKind, subjectId: created.subjectId, agentId: created.agentId });
  return created;
}
