import Link from "next/link";
import { AuditEventTable } from "@/components/audit/audit-event-table";
import { EventDetails } from "@/components/context/event-details";
import type { IncidentDetail } from "./incident-queries";

const PAGE_OF: Record<string, string> = { grant: "/grants", request: "/requests" };

type TimelineEvent = IncidentDetail["timeline"][number];

function Concerning({ event }: { event: TimelineEvent }) {
  const page = PAGE_OF[event.subject.kind];
  if (!page) return <span className="text-muted-foreground">the incident</span>;
  return (
    <Link href={`${page}/${event.subject.id}`} className="text-primary underline-offset-4 hover:underline">
      {event.subject.kind}
      {event.agent && ` of ${event.agent}`}
    </Link>
  );
}

/** Newest first: during an incident the commander looks for what just happened. */
export function IncidentTimeline({ timeline, now }: { timeline: TimelineEvent[]; now: number }) {
  return (
    <AuditEventTable
      label="Timeline"
      events={timeline}
      now={now}
      numbered={false}
      actionHeader="Event"
      columns={[
        { header: "By", cell: (event) => event.actor },
        { header: "Concerning", className: "whitespace-nowrap text-xs", cell: (event) => <Concerning event={event} /> },
        { header: "Details", className: "max-w-md text-xs", cell: (event) => <EventDetails lines={event.details} raw={event.data} /> },
      ]}
    />
  );
}
