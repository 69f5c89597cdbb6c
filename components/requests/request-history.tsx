import { AuditEventTable, EventDetails } from "@/components/audit/audit-event-table";
import type { RequestDetail } from "./request-queries";

export function RequestHistory({ history, now }: { history: RequestDetail["history"]; now: number }) {
  return (
    <AuditEventTable
      label="History"
      events={history}
      now={now}
      columns={[
        { header: "Actor", cell: (event) => event.actor },
        { header: "Details", className: "max-w-md text-xs", cell: (event) => <EventDetails data={event.data} /> },
      ]}
    />
  );
}
