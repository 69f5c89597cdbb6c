"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { SectionCard } from "@/components/admin/section-card";
import { queryKeys } from "@/components/live/query-keys";
import { useNow } from "@/components/shared/use-now";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { IncidentStatusFilter } from "@/lib/incidents/list-incidents";
import { fetchIncidents } from "./incident-queries";
import { IncidentStatusBadge, SeverityBadge } from "./severity-badge";

/** Open incidents first (most severe, then longest burning), then resolved ones; kept live by the event stream. */
const FILTERS: { status: IncidentStatusFilter; label: string }[] = [
  { status: "all", label: "All" },
  { status: "open", label: "Open" },
  { status: "resolved", label: "Resolved" },
];

export function IncidentsList({ status }: { status: IncidentStatusFilter }) {
  const { data: incidents = [], error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.incidentList(status), queryFn: () => fetchIncidents(status) });
  const now = useNow(dataUpdatedAt);
  return (
    <div className="flex flex-col gap-4">
      {error && <Alert>The incidents could not be refreshed: {error.message}</Alert>}
      <SectionCard
        title="Incidents"
        actions={
          <nav aria-label="Show incidents" className="flex gap-1 text-sm">
            {FILTERS.map((filter) => (
              <Link
                key={filter.status}
                href={filter.status === "all" ? "/incidents" : `/incidents?status=${filter.status}`}
                aria-current={filter.status === status ? "page" : undefined}
                className="rounded px-2 py-0.5 text-muted-foreground hover:bg-muted aria-[current=page]:bg-muted aria-[current=page]:font-medium aria-[current=page]:text-foreground"
              >
                {filter.label}
              </Link>
            ))}
          </nav>
        }
        empty={
          incidents.length === 0 &&
          (status === "all" ? (
            <EmptyState title="No incidents yet.">
              An incident gives its commander authority to grant access that ends when the incident is resolved. Commanders and admins open one with Open
              incident; incident tools can open them by webhook.
            </EmptyState>
          ) : (
            `No ${status} incidents.`
          ))
        }
      >
        <Table aria-label="Incidents">
          <TableHeader>
            <TableRow>
              <TableHead>Incident</TableHead>
              <TableHead>Severity</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Commander</TableHead>
              <TableHead>Opened</TableHead>
              <TableHead className="text-right">Active grants</TableHead>
            </TableRow>
          </TableHeader>
          <tbody>
            {incidents.map((incident) => (
              <TableRow key={incident.id}>
                <TableCell>
                  <Link href={`/incidents/${incident.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                    {incident.title}
                  </Link>
                  {incident.externalId && (
                    <span className="ml-2 font-mono text-xs text-muted-foreground">
                      {incident.externalSource ? `${incident.externalSource} ` : ""}
                      {incident.externalId}
                    </span>
                  )}
                </TableCell>
                <TableCell>
                  <SeverityBadge severity={incident.severity} />
                </TableCell>
                <TableCell>
                  <IncidentStatusBadge status={incident.status} />
                </TableCell>
                <TableCell>{incident.commander?.name ?? <span className="text-muted-foreground">none</span>}</TableCell>
                <TableCell className="whitespace-nowrap">
                  <RelativeTime at={incident.openedAt} now={now} />
                  {incident.resolvedAt && (
                    <span className="text-muted-foreground">
                      {" "}
                      · resolved <RelativeTime at={incident.resolvedAt} now={now} />
                    </span>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">{incident.activeGrants}</TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </SectionCard>
    </div>
  );
}
