import { exportAuditLog } from "@/lib/audit/export-audit-log";
import { auditExportQuery } from "@/lib/audit/schemas";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", jsonl: "application/jsonl; charset=utf-8" };

/** Streams the filtered audit log as a download; the file name carries the time of the export. */
export const GET = sessionRoute({ query: auditExportQuery }, async ({ principal, query }) => {
  const { format, ...filter } = query;
  const stream = await exportAuditLog({ principal, filter, format });
  const name = `baton-audit-${new Date()
    .toISOString()
    .replaceAll(":", "")
    .replace(/\.\d+Z$/, "Z")}.${format}`;
  return new Response(stream, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
