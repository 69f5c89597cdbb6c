import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { requireAuditReader } from "@/lib/authorization/rules";
import { actorRef, describeEventData, subjectRef } from "./describe-event";
import { loadEventNames } from "./present-events";
import { auditEventWhere } from "./audit-event-where";
import type { AuditPageQuery } from "./schemas";

/**
 * What follows the cursor's event. A time window is read in time order on the (at, seq) index: in
 * sequence order the planner may walk the whole log backwards looking for the window (at and seq rise
 * together, which its statistics do not know). The cursor stays the last event's sequence number.
 */
async function after(cursorSeq: bigint, byTime: boolean): Promise<Prisma.AuditEventWhereInput> {
  if (!byTime) return { seq: { lt: cursorSeq } };
  const last = await prisma.auditEvent.findUnique({ where: { seq: cursorSeq }, select: { at: true } });
  if (!last) return { seq: { lt: cursorSeq } };
  return { AND: [{ at: { lte: last.at } }, { OR: [{ at: { lt: last.at } }, { seq: { lt: cursorSeq } }] }] };
}

/**
 * One page of the audit log, newest first (in time order when filtered by time), keyset-paginated on the sequence number, with the names of
 * the people and agents who acted. Only audit readers (lib/authorization/rules.ts, mayReadAudit) may call it.
 */
export async function listAuditEvents(options: { principal: PersonPrincipal; query: AuditPageQuery }) {
  requireAuditReader(options.principal);
  const { cursor, limit, ...filter } = options.query;
  const where = await auditEventWhere(filter);
  if (!where) return { items: [], nextCursor: null };
  const byTime = Boolean(filter.from || filter.to);
  const rows = await prisma.auditEvent.findMany({
    where: cursor ? { AND: [where, await after(BigInt(cursor), byTime)] } : where,
    orderBy: byTime ? [{ at: "desc" }, { seq: "desc" }] : { seq: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const names = await loadEventNames(page);
  return {
    items: page.map((event) => ({
      seq: event.seq.toString(),
      id: event.id,
      at: event.at.toISOString(),
      actorKind: event.actorKind,
      actorId: event.actorId,
      actorName: event.actorId ? (names.get(event.actorId)?.label ?? null) : null,
      actor: actorRef(event, names),
      subject: subjectRef(event, names),
      details: describeEventData(event.data, names),
      action: event.action,
      subjectKind: event.subjectKind,
      subjectId: event.subjectId,
      agentId: event.agentId,
      data: event.data,
      hash: event.hash,
    })),
    nextCursor: rows.length > limit ? page.at(-1)!.seq.toString() : null,
  };
}

export type AuditPage = Awaited<ReturnType<typeof listAuditEvents>>;
export type AuditListItem = AuditPage["items"][number];
