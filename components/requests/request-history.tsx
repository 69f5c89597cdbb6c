import { AuditEventTable } from "@/components/audit/audit-event-table";
import { EventDetails } from "@/components/context/event-details";
import { NamedLink } from "@/components/context/named-link";
import type { RequestDetail } from "./request-queries";

export function RequestHistory({ history, now }: { history: RequestDetail["history"]; now: number }) {
  return (
    <AuditEventTable
      label="History"
      events={history}
      now={now}
      columns={[
        { header: "Actor", cell: (event) => <NamedLink named={event.actor} /> },
        { header: "Details", className: "max-w-md text-xs", cell: (event) => <EventDetails lines={event.details} raw={event.data} /> },
      ]}
    />
  );
}
