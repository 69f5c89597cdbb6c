import { prisma } from "@/lib/db";
import { GENESIS_HASH, hashEvent, type JsonValue } from "./hash-event";

export type ChainVerdict = { ok: true; count: number } | { ok: false; count: number; badSeq: bigint; reason: string };

const BATCH = 2000;

/**
 * Walks the whole log in sequence order and recomputes every hash. Reports the first sequence number
 * whose event was edited, deleted (a gap), reordered, or whose chain link no longer matches.
 */
export async function verifyChain(options: { onProgress?: (checked: number, total: number) => void } = {}): Promise<ChainVerdict> {
  const [total, head] = await Promise.all([prisma.auditEvent.count(), prisma.auditHead.findUnique({ where: { id: 1 } })]);
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const events = await prisma.auditEvent.findMany({ where: { seq: { gte: expectedSeq } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const event of events) {
      if (event.seq !== expectedSeq) return { ok: false, count, badSeq: expectedSeq, reason: `event ${expectedSeq} is missing` };
      if (event.prevHash !== prevHash) return { ok: false, count, badSeq: event.seq, reason: `event ${event.seq} does not link to the event before it` };
      const recomputed = hashEvent(prevHash, { ...event, data: event.data as JsonValue });
      if (recomputed !== event.hash) return { ok: false, count, badSeq: event.seq, reason: `event ${event.seq} was altered after it was written` };
      prevHash = event.hash;
      expectedSeq++;
      count++;
    }
    options.onProgress?.(count, total);
    if (events.length < BATCH) break;
  }
  const headSeq = head?.seq ?? 0n;
  if (headSeq !== expectedSeq - 1n)
    return { ok: false, count, badSeq: expectedSeq, reason: `the log ends at ${expectedSeq - 1n} but ${headSeq} events were written` };
  if (head && headSeq > 0n && head.hash !== prevHash)
    return { ok: false, count, badSeq: headSeq, reason: `event ${headSeq} does not match the recorded head of the chain` };
  return { ok: true, count };
}
