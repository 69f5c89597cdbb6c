"use client";
import { useQuery } from "@tanstack/react-query";
import { DetailHeader } from "@/components/admin/detail-header";
import { ScopeChipsCell } from "@/components/context/scope-chip";
import { TimeLeftBar } from "@/components/context/time-left-bar";
import { SectionCard } from "@/components/admin/section-card";
import { StatusCell } from "@/components/admin/status-badge";
import { queryKeys } from "@/components/live/query-keys";
import { RequestLink } from "@/components/requests/request-link";
import { TimeCell } from "@/components/ui/time-cell";
import { grantStateAt } from "@/lib/grants/grant-state-at";
import { COUNTDOWN_TICK_MS, useNow } from "@/components/shared/use-now";
import { Alert } from "@/components/ui/alert";
import { Fact } from "@/components/ui/fact";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GrantAuthorityDialog } from "./grant-authority-dialog";
import { HandOverDialog } from "./hand-over-dialog";
import { fetchIncident, type IncidentDetail } from "./incident-queries";
import { IncidentTimeline } from "./incident-timeline";
import { ResolveIncidentDialog } from "./resolve-incident-dialog";
import { IncidentStatusBadge, SeverityBadge } from "./severity-badge";
import { GrantLink } from "@/components/grants/grant-link";

/** One incident: who commands it, the authority bound to it with live countdowns, what awaits a second approver, and its timeline — kept live. */
export function IncidentDetailView({ incidentId }: { incidentId: string }) {
  const { data: incident, error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.incident(incidentId), queryFn: () => fetchIncident(incidentId) });
  const now = useNow(dataUpdatedAt, COUNTDOWN_TICK_MS);
  if (!incident) return <Alert>The incident could not be loaded{error ? `: ${error.message}` : "."}</Alert>;

  return (
    <div className="flex flex-col gap-5">
      <DetailHeader
        listHref="/incidents"
        listLabel="Incidents"
        title={
          <>
            {incident.title} <SeverityBadge severity={incident.severity} /> <IncidentStatusBadge status={incident.status} />
          </>
        }
        description={<span className="font-mono text-xs">{incident.id}</span>}
      >
        {incident.canRun && (
          <>
            <GrantAuthorityDialog incidentId={incident.id} agents={incident.agents} />
            <HandOverDialog incidentId={incident.id} commanders={incident.commanders} />
            <ResolveIncidentDialog incidentId={incident.id} activeGrants={incident.activeGrants} pendingRequests={incident.pendingRequests} />
          </>
        )}
      </DetailHeader>
      {error && <Alert>The incident could not be refreshed: {error.message}</Alert>}
      <IncidentFacts incident={incident} now={now} />
      <SectionCard
        title="Authority bound to this incident"
        description={
          incident.status === "OPEN"
            ? "Each grant ends at its expiry or when the incident is resolved, whichever comes first."
            : "Every grant bound to the incident ended when it was resolved, if not before."
        }
        empty={incident.grants.length === 0 && "No grant is bound to this incident."}
      >
        <BoundGrants grants={incident.grants} now={now} />
      </SectionCard>
      {incident.pendingRequests > 0 && (
        <SectionCard title="Awaiting approval" description="Requests bound to the incident that approvers still have to decide.">
          <PendingRequests requests={incident.pendingRequestList} now={now} />
        </SectionCard>
      )}
      <SectionCard
        title="Timeline"
        description="The incident's events and those of the requests and grants bound to it, newest first."
        empty={incident.timeline.length === 0 && "Nothing recorded yet."}
      >
        <IncidentTimeline timeline={incident.timeline} now={now} />
      </SectionCard>
    </div>
  );
}

function IncidentFacts({ incident, now }: { incident: IncidentDetail; now: number }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-3 rounded-lg border bg-card px-4 py-3 text-sm sm:grid-cols-3">
      <Fact term="Commander">
        {incident.commander ? `${incident.commander.name} (${incident.commander.email})` : "Nobody yet: any commander or admin may act"}
      </Fact>
      <Fact term="Opened">
        <RelativeTime at={incident.openedAt} now={now} />
      </Fact>
      <Fact term={incident.resolvedAt ? "Resolved" : "Source"}>
        {incident.resolvedAt ? (
          <RelativeTime at={incident.resolvedAt} now={now} />
        ) : incident.externalSource ? (
          `${incident.externalSource} ${incident.externalId ?? ""}`
        ) : (
          (incident.externalId ?? "Opened in Baton")
        )}
      </Fact>
      {incident.description && (
        <Fact term="Description" wide>
          <p className="whitespace-pre-line wrap-break-word">{incident.description}</p>
        </Fact>
      )}
      {incident.resolutionNote && (
        <Fact term="Resolution" wide>
          <p className="whitespace-pre-line wrap-break-word">{incident.resolutionNote}</p>
        </Fact>
      )}
    </dl>
  );
}

function BoundGrants({ grants, now }: { grants: IncidentDetail["grants"]; now: number }) {
  return (
    <Table aria-label="Bound grants">
      <TableHeader>
        <TableRow>
          <TableHead>Agent</TableHead>
          <TableHead>Scopes</TableHead>
          <TableHead>Granted by</TableHead>
          <TableHead>Ends</TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {grants.map((grant) => {
          const status = grantStateAt(grant, now);
          return (
            <TableRow key={grant.id}>
              <TableCell>
                <GrantLink grantId={grant.id} agentName={grant.agent.name} />
              </TableCell>
              <ScopeChipsCell scopes={grant.scopeRefs} />
              <TableCell>
                {grant.grantedBy}
                {grant.viaRequest && <span className="text-muted-foreground"> and approvers</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {status === "ACTIVE" ? (
                  <RelativeTime at={grant.expiresAt} now={now} />
                ) : status === "REVOKED" && grant.revokedAt ? (
                  <span className="text-muted-foreground">
                    revoked <RelativeTime at={grant.revokedAt} now={now} />
                  </span>
                ) : (
                  <span className="text-muted-foreground">ended</span>
                )}
                <TimeLeftBar grant={grant} now={now} className="mt-1" />
              </TableCell>
              <StatusCell status={status} />
            </TableRow>
          );
        })}
      </tbody>
    </Table>
  );
}

function PendingRequests({ requests, now }: { requests: IncidentDetail["pendingRequestList"]; now: number }) {
  return (
    <Table aria-label="Pending requests">
      <TableHeader>
        <TableRow>
          <TableHead>Agent</TableHead>
          <TableHead>Scopes</TableHead>
          <TableHead>Filed by</TableHead>
          <TableHead>Approvals so far</TableHead>
          <TableHead>Waiting since</TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {requests.map((request) => (
          <TableRow key={request.id}>
            <TableCell>
              <RequestLink requestId={request.id} agentName={request.agent.name} />
            </TableCell>
            <ScopeChipsCell scopes={request.scopeRefs} />
            <TableCell>{request.filedBy ?? "the agent"}</TableCell>
            <TableCell className="tabular-nums">{request.approvals}</TableCell>
            <TimeCell at={request.createdAt} now={now} />
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
