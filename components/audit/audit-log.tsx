"use client";
import { useQuery } from "@tanstack/react-query";
import { SectionCard } from "@/components/admin/section-card";
import { queryKeys } from "@/components/live/query-keys";
import { useNow } from "@/components/shared/use-now";
import { Alert } from "@/components/ui/alert";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { EventDetails } from "@/components/context/event-details";
import { NamedLink } from "@/components/context/named-link";
import { AuditEventTable } from "./audit-event-table";
import { fetchAuditPage, type AuditListItem, type AuditQuery } from "./audit-queries";

function Actor({ event }: { event: AuditListItem }) {
  if (!event.actorId || !event.actorName) return <NamedLink named={event.actor} />;
  return (
    <>
      {event.actorKind.toLowerCase()} <NamedLink named={event.actor} />
    </>
  );
}

/** One page of the log, newest first, live: a new event appears at the top of the first page as it is written. */
export function AuditLog({ query }: { query: AuditQuery }) {
  const { data, error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.auditPage(query), queryFn: () => fetchAuditPage(query) });
  const now = useNow(dataUpdatedAt);
  const events = data?.items ?? [];

  return (
    <div className="flex flex-col gap-3">
      {error && <Alert>The audit log could not be refreshed: {error.message}</Alert>}
      <SectionCard
        title={query.cursor ? "Events (continued)" : "Events"}
        description="Newest first. Hover an actor for its id."
        empty={events.length === 0 && "No events match."}
      >
        <AuditEventTable
          label="Audit events"
          events={events}
          now={now}
          columns={[
            { header: "Actor", className: "text-xs", cell: (event) => <Actor event={event} /> },
            { header: "Subject", className: "text-xs", cell: (event) => <NamedLink named={event.subject} /> },
            { header: "Details", className: "max-w-md text-xs", cell: (event) => <EventDetails lines={event.details} raw={event.data} /> },
          ]}
        />
      </SectionCard>
      <KeysetPager path="/audit" query={query} nextCursor={data?.nextCursor} />
    </div>
  );
}
