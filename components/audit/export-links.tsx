import { Button } from "@/components/ui/button";
import { listSearchParams } from "@/components/ui/keyset-pager";
import type { AuditQuery } from "./audit-queries";

/** Downloads of the log under the applied filters (not the page), streamed by /api/ui/audit/export. */
export function ExportLinks({ query }: { query: AuditQuery }) {
  const filters = { actor: query.actor, action: query.action, subject: query.subject, from: query.from, to: query.to };
  return (
    <div className="flex items-center gap-2" role="group" aria-label="Export">
      <Button variant="outline" size="sm" asChild>
        <a href={`/api/ui/audit/export?${listSearchParams({ ...filters, format: "jsonl" })}`} download>
          Export JSON Lines
        </a>
      </Button>
      <Button variant="outline" size="sm" asChild>
        <a href={`/api/ui/audit/export?${listSearchParams({ ...filters, format: "csv" })}`} download>
          Export CSV
        </a>
      </Button>
    </div>
  );
}
