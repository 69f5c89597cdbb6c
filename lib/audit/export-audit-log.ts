import { prisma } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { requireAuditReader } from "@/lib/authorization/rules";
import { auditEventWhere } from "./audit-event-where";
import type { AuditFilter, ExportedAuditEvent } from "./schemas";

export type AuditExportFormat = "csv" | "jsonl";

const BATCH = 1000;
const COLUMNS = [
  "seq",
  "id",
  "at",
  "actorKind",
  "actorId",
  "action",
  "subjectKind",
  "subjectId",
  "agentId",
  "data",
  "prevHash",
  "hash",
] as const satisfies readonly (keyof ExportedAuditEvent)[];

function toExportedEvent(event: AuditEvent): ExportedAuditEvent {
  return {
    seq: Number(event.seq),
    id: event.id,
    at: event.at.toISOString(),
    actorKind: event.actorKind,
    actorId: event.actorId,
    action: event.action,
    subjectKind: event.subjectKind,
    subjectId: event.subjectId,
    agentId: event.agentId,
    data: event.data as ExportedAuditEvent["data"],
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/** RFC 4180 quoting, and a leading apostrophe on anything a spreadsheet would run as a formula. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : typeof value === "number" ? String(value) : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const formatters: Record<AuditExportFormat, { header: string; line: (event: ExportedAuditEvent) => string }> = {
  jsonl: { header: "", line: (event) => `${JSON.stringify(event)}\n` },
  csv: { header: `${COLUMNS.join(",")}\r\n`, line: (event) => `${COLUMNS.map((column) => csvCell(event[column])).join(",")}\r\n` },
};

/**
 * The filtered audit log, oldest first, as a stream read from the database one batch at a time as the
 * client consumes it (memory stays flat whatever the size). It ends at the newest event that existed
 * when the export began, so it is a consistent cut. Only audit readers may export.
 */
export async function exportAuditLog(options: {
  principal: PersonPrincipal;
  filter: AuditFilter;
  format: AuditExportFormat;
}): Promise<ReadableStream<Uint8Array>> {
  requireAuditReader(options.principal);
  const where = await auditEventWhere(options.filter);
  const head = await prisma.auditHead.findUnique({ where: { id: 1 } });
  const lastSeq = head?.seq ?? 0n;
  const format = formatters[options.format];
  const encoder = new TextEncoder();
  let afterSeq = 0n;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (format.header) controller.enqueue(encoder.encode(format.header));
      if (where === null) controller.close();
    },
    async pull(controller) {
      const rows = await prisma.auditEvent.findMany({
        where: { AND: [where ?? {}, { seq: { gt: afterSeq, lte: lastSeq } }] },
        orderBy: { seq: "asc" },
        take: BATCH,
      });
      if (rows.length > 0) {
        afterSeq = rows.at(-1)!.seq;
        controller.enqueue(encoder.encode(rows.map((row) => format.line(toExportedEvent(row))).join("")));
      }
      if (rows.length < BATCH) controller.close();
    },
  });
}
