import { GENESIS_HASH, hashEvent, type JsonValue } from "./hash-event";
import { exportedAuditEventSchema } from "./schemas";

export type ExportVerdict =
  | { ok: true; count: number; firstSeq: number | null; lastSeq: number | null; segments: number; fromGenesis: boolean }
  | { ok: false; count: number; line: number; badSeq: number | null; reason: string };

/**
 * Re-verifies a JSON Lines export without the database, with the hashing Baton writes with: every
 * event's hash is recomputed from its fields and its `prevHash`; consecutive sequence numbers must link
 * (`prevHash` = the previous event's `hash`), and sequence 1 must start from the genesis hash. A
 * filtered export has gaps: each run of consecutive events is a segment, verified the same way; an
 * unfiltered export is one segment from the genesis.
 */
export async function verifyExportedEvents(lines: AsyncIterable<string> | Iterable<string>): Promise<ExportVerdict> {
  let count = 0;
  let lineNumber = 0;
  let segments = 0;
  let first: number | null = null;
  let previous: { seq: number; hash: string } | null = null;
  for await (const raw of lines) {
    lineNumber++;
    if (raw.trim() === "") continue;
    let parsed;
    try {
      parsed = exportedAuditEventSchema.safeParse(JSON.parse(raw));
    } catch {
      return { ok: false, count, line: lineNumber, badSeq: null, reason: `line ${lineNumber} is not JSON` };
    }
    if (!parsed.success)
      return {
        ok: false,
        count,
        line: lineNumber,
        badSeq: null,
        reason: `line ${lineNumber} is not an exported audit event (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`,
      };
    const event = parsed.data;
    const fail = (reason: string): ExportVerdict => ({ ok: false, count, line: lineNumber, badSeq: event.seq, reason });
    if (previous && event.seq <= previous.seq) return fail(`event ${event.seq} comes after event ${previous.seq}: the file is out of order`);
    const linked = previous?.seq === event.seq - 1;
    if (linked && event.prevHash !== previous!.hash) return fail(`event ${event.seq} does not link to the event before it`);
    if (event.seq === 1 && event.prevHash !== GENESIS_HASH) return fail("event 1 does not start from the genesis hash");
    const recomputed = hashEvent(event.prevHash, { ...event, seq: BigInt(event.seq), at: new Date(event.at), data: event.data as JsonValue });
    if (recomputed !== event.hash) return fail(`event ${event.seq} was altered after it was written`);
    if (!linked) segments++;
    first ??= event.seq;
    previous = { seq: event.seq, hash: event.hash };
    count++;
  }
  return { ok: true, count, firstSeq: first, lastSeq: previous?.seq ?? null, segments, fromGenesis: first === 1 };
}
