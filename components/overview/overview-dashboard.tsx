"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { IncidentChip } from "@/components/context/incident-chip";
import { ScopeChipsCell } from "@/components/context/scope-chip";
import { TimeLeftBar } from "@/components/context/time-left-bar";
import { SectionCard } from "@/components/admin/section-card";
import { StatusCell } from "@/components/admin/status-badge";
import { COUNTDOWN_TICK_MS, useNow } from "@/components/shared/use-now";
import { queryKeys } from "@/components/live/query-keys";
import { RequestLink } from "@/components/requests/request-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AuditEventTable } from "@/components/audit/audit-event-table";
import { NoValue } from "@/components/ui/no-value";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import type { SignedInPerson } from "@/lib/auth/current-user";
import { grantStateAt } from "@/lib/grants/grant-state-at";
import { EXPIRING_SOON } from "@/lib/overview/expiring-soon";
import { formatDuration } from "@/lib/kernel/duration";
import { liveCounts } from "./live-counts";
import { fetchOverview, type Overview } from "./overview-queries";
import { GrantLink } from "@/components/grants/grant-link";
import { NamedLink } from "@/components/context/named-link";

// Charts need the browser's layout to size themselves, so the chart library is loaded there only, keeping it off the server's render.
const ActivityCharts = dynamic(() => import("./activity-charts").then((module) => module.ActivityCharts), {
  ssr: false,
  loading: () => <div className="h-64" />,
});

/**
 * The live delegation state. The server's data arrives through the event stream's invalidations; the
 * countdowns, the tiles and each row's status also move with the browser's own clock every second, so a
 * grant shows expired at its expiry without waiting for any server event.
 */
export function OverviewDashboard({ viewerRole }: { viewerRole: SignedInPerson["role"] }) {
  const { data: overview, error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.overview, queryFn: fetchOverview });
  const now = useNow(dataUpdatedAt, COUNTDOWN_TICK_MS);
  if (!overview) return <Alert>The overview could not be loaded{error ? `: ${error.message}` : "."}</Alert>;
  const counts = liveCounts(overview, now);
  const tiles = [
    { label: "Pending requests", value: counts.pendingRequests, href: "/requests" },
    { label: "Active grants", value: counts.activeGrants, href: "/grants?status=active" },
    { label: "Expiring within 15 min", value: counts.expiringSoon, href: `/grants?expiring=${EXPIRING_SOON}` },
    { label: "Open incidents", value: counts.openIncidents, href: "/incidents?status=open" },
    { label: "Active agents", value: counts.activeAgents, href: "/agents" },
  ];
  return (
    <div className="flex flex-col gap-5">
      {error && <Alert>The overview could not be refreshed: {error.message}</Alert>}
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Delegation state">
        {tiles.map((tile) => (
          <li key={tile.label} aria-label={`${tile.label}: ${tile.value}`} className="rounded-lg border bg-card px-4 py-3">
            <p className="text-xs text-muted-foreground">
              {tile.href ? (
                <Link href={tile.href} className="hover:underline">
                  {tile.label}
                </Link>
              ) : (
                tile.label
              )}
            </p>
            <p className="text-2xl font-semibold tabular-nums">{tile.value}</p>
          </li>
        ))}
      </ul>
      {overview.credentialCleanupPending > 0 && (
        <Alert>
          Cleanup pending: {overview.credentialCleanupPending} credential(s) of ended grants are not removed from their systems yet; Baton keeps retrying.{" "}
          <Link href="/credential-providers" className="underline">
            Credential providers
          </Link>
        </Alert>
      )}
      {overview.myOpenIncidents && <MyOpenIncidents incidents={overview.myOpenIncidents} now={now} />}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <ActiveGrants overview={overview} now={now} viewerRole={viewerRole} />
        <PendingRequests overview={overview} now={now} viewerRole={viewerRole} />
      </div>
      <ActivityCharts activity={overview.activity} />
      {overview.recentEvents && <RecentActivity events={overview.recentEvents} now={now} />}
    </div>
  );
}

function ActiveGrants({ overview, now, viewerRole }: { overview: Overview; now: number; viewerRole: SignedInPerson["role"] }) {
  const more = overview.counts.activeGrants - overview.activeGrants.length;
  return (
    <SectionCard
      title="Active grants"
      description={more > 0 ? `Soonest expiry first; ${more} more expire later (see Grants).` : "Soonest expiry first."}
      empty={
        overview.activeGrants.length === 0 && (
          <EmptyState
            title="No agent holds a grant right now."
            action={viewerRole !== "VIEWER" && overview.counts.pendingRequests > 0 && <ActionLink href="/requests">Decide pending requests</ActionLink>}
          >
            Grants appear here, counting down to their expiry, as requests are approved.
          </EmptyState>
        )
      }
    >
      <Table aria-label="Active grants">
        <TableHeader>
          <TableRow>
            <TableHead>Agent</TableHead>
            <TableHead>Scopes</TableHead>
            <TableHead>On behalf of</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead>Status</TableHead>
          </TableRow>
        </TableHeader>
        <tbody>
          {overview.activeGrants.map((grant) => (
            <TableRow key={grant.id}>
              <TableCell>
                <GrantLink grantId={grant.id} agentName={grant.agent.name} />
                {grant.incident && <IncidentChip incident={grant.incident} className="mt-1 flex" />}
              </TableCell>
              <ScopeChipsCell scopes={grant.scopeRefs} />
              <TableCell>{grant.onBehalfOf ?? <NoValue />}</TableCell>
              <TableCell className="whitespace-nowrap">
                <RelativeTime at={grant.expiresAt} now={now} />
                <TimeLeftBar grant={grant} now={now} className="mt-1" />
              </TableCell>
              <StatusCell status={grantStateAt(grant, now)} />
            </TableRow>
          ))}
        </tbody>
      </Table>
    </SectionCard>
  );
}

function PendingRequests({ overview, now, viewerRole }: { overview: Overview; now: number; viewerRole: SignedInPerson["role"] }) {
  const more = overview.counts.pendingRequests - overview.pendingRequests.length;
  return (
    <SectionCard
      title="Pending requests"
      description={more > 0 ? `Oldest first; ${more} more in the inbox.` : "Oldest first."}
      empty={
        overview.pendingRequests.length === 0 && (
          <EmptyState
            title="Nothing is waiting for a decision."
            action={viewerRole === "ADMIN" && overview.counts.activeAgents === 0 && <ActionLink href="/agents">Register an agent</ActionLink>}
          >
            Agents file requests with their key (the <code className="font-mono">baton</code> CLI, the API or MCP); they appear here until decided.
          </EmptyState>
        )
      }
    >
      <Table aria-label="Pending requests">
        <TableHeader>
          <TableRow>
            <TableHead>Agent</TableHead>
            <TableHead>Scopes</TableHead>
            <TableHead>For</TableHead>
            <TableHead>Duration</TableHead>
            <TableHead>Waiting since</TableHead>
          </TableRow>
        </TableHeader>
        <tbody>
          {overview.pendingRequests.map((request) => (
            <TableRow key={request.id}>
              <TableCell>
                <RequestLink requestId={request.id} agentName={request.agent.name} />
                {request.incident && <IncidentChip incident={request.incident} className="mt-1 flex" />}
              </TableCell>
              <ScopeChipsCell scopes={request.scopeRefs} />
              <TableCell>{request.onBehalfOf ?? <NoValue />}</TableCell>
              <TableCell className="whitespace-nowrap">{formatDuration(request.durationSeconds)}</TableCell>
              <TimeCell at={request.createdAt} now={now} />
            </TableRow>
          ))}
        </tbody>
      </Table>
    </SectionCard>
  );
}

function ActionLink({ href, children }: { href: string; children: string }) {
  return (
    <Button asChild variant="outline" size="sm">
      <Link href={href}>{children}</Link>
    </Button>
  );
}

/** The commander's own fires: the open incidents they command, most severe first, with the authority bound to each. */
function MyOpenIncidents({ incidents, now }: { incidents: NonNullable<Overview["myOpenIncidents"]>; now: number }) {
  return (
    <SectionCard
      title="My open incidents"
      description="Incidents you command, most severe first."
      empty={incidents.length === 0 && "You command no open incident."}
    >
      <Table aria-label="My open incidents">
        <TableHeader>
          <TableRow>
            <TableHead>Incident</TableHead>
            <TableHead>Opened</TableHead>
            <TableHead>Active grants</TableHead>
          </TableRow>
        </TableHeader>
        <tbody>
          {incidents.map((incident) => (
            <TableRow key={incident.id}>
              <TableCell>
                <IncidentChip incident={incident} />
              </TableCell>
              <TimeCell at={incident.openedAt} now={now} />
              <TableCell className="tabular-nums">
                <Link href={`/grants?incident=${incident.id}`} className="text-primary underline-offset-4 hover:underline">
                  {incident.activeGrants}
                  <span className="sr-only"> active grants for {incident.title}</span>
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </SectionCard>
  );
}

function RecentActivity({ events, now }: { events: NonNullable<Overview["recentEvents"]>; now: number }) {
  return (
    <SectionCard
      title="Recent activity"
      description={
        <>
          The latest entries of the tamper-evident audit log;{" "}
          <Link href="/audit" className="text-primary underline underline-offset-4">
            search, export and verify it
          </Link>
          .
        </>
      }
      empty={events.length === 0 && "Nothing has happened yet."}
    >
      <AuditEventTable
        label="Recent activity"
        events={events}
        now={now}
        columns={[
          { header: "Actor", className: "text-xs", cell: (event) => <NamedLink named={event.actor} /> },
          { header: "Subject", className: "text-xs", cell: (event) => <NamedLink named={event.subject} /> },
        ]}
      />
    </SectionCard>
  );
}
