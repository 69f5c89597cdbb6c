"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { SectionCard } from "@/components/admin/section-card";
import { useNow } from "@/components/requests/use-now";
import { Alert } from "@/components/ui/alert";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { AuditEventTable } from "./audit-event-table";
import { auditKey, fetchAuditPage, type AuditListItem, type AuditQuery } from "./audit-queries";

const SUBJECT_PAGES: Record<string, string> = { grant: "/grants/", request: "/requests/", agent: "/agents/" };

function Subject({ event }: { event: AuditListItem }) {
  const page = SUBJECT_PAGES[event.subjectKind];
  const label = `${event.subjectKind} ${event.subjectId}`;
  return page ? (
    <Link href={`${page}${event.subjectId}`} className="text-primary underline-offset-4 hover:underline">
      {label}
    </Link>
  ) : (
    label
  );
}

function Actor({ event }: { event: AuditListItem }) {
  const kind = event.actorKind.toLowerCase();
  if (!event.actorId) return <>{kind}</>;
  return (
    <span title={event.actorId}>
      {kind} {event.actorName ?? event.actorId}
    </span>
  );
}

/** One page of the log, newest first, live: a new event appears at the top of the first page as it is written. */
export function AuditLog({ query }: { query: AuditQuery }) {
  const { data, error, dataUpdatedAt } = useQuery({ queryKey: auditKey(query), queryFn: () => fetchAuditPage(query) });
  const now = useNow(dataUpdatedAt);
  const events = data?.items ?? [];

  return (
    <div className="flex flex-col gap-3">
      {error && <Alert>The audit log could not be refreshed: {error.message}</Alert>}
      <SectionCard title={query.cursor ? "Events (continued)" : "Events"} description="Newest first. Hover an actor for its id." empty={events.length === 0 && "No events match."}>
        <AuditEventTable
          label="Audit events"
          events={events}
          now={now}
          columns={[
            { header: "Actor", className: "text-xs", cell: (event) => <Actor event={event} /> },
            { header: "Subject", className: "font-mono text-xs", cell: (event) => <Subject event={event} /> },
            { header: "Details", className: "max-w-md font-mono text-xs break-all text-muted-foreground", cell: (event) => JSON.stringify(event.data) },
          ]}
        />
      </SectionCard>
      <KeysetPager path="/audit" query={query} nextCursor={data?.nextCursor} />
    </div>
  );
}
