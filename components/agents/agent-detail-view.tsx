"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { IssueKeyDialog } from "@/components/admin/agent-key-dialogs";
import { AgentGrantsTable } from "@/components/admin/agent-grants-table";
import { AgentKeysTable } from "@/components/admin/agent-keys-table";
import { AgentRequestsTable } from "@/components/admin/agent-requests-table";
import { DetailHeader } from "@/components/admin/detail-header";
import { AgentTagsDialog } from "@/components/admin/agent-tags-dialog";
import { DisableAgentDialog } from "@/components/admin/disable-agent-dialog";
import { TagBadges } from "@/components/admin/tag-badges";
import { ScopeChip } from "@/components/context/scope-chip";
import { SectionCard } from "@/components/admin/section-card";
import { StatusBadge } from "@/components/admin/status-badge";
import { COUNTDOWN_TICK_MS, useNow } from "@/components/shared/use-now";
import { queryKeys } from "@/components/live/query-keys";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Fact } from "@/components/ui/fact";
import { RelativeTime } from "@/components/ui/relative-time";
import { fetchAgent } from "./agent-queries";
import { StandingExposureCard } from "./standing-exposure-card";
import { WorkloadIdentityCard } from "./workload-identity-card";

/** The agent page, kept live: its keys, requests, grants and the authority it holds right now. */
export function AgentDetailView({ agentId, viewerIsAdmin, viewerReadsAudit }: { agentId: string; viewerIsAdmin: boolean; viewerReadsAudit: boolean }) {
  const { data: detail, error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.agent(agentId), queryFn: () => fetchAgent(agentId) });
  const now = useNow(dataUpdatedAt, COUNTDOWN_TICK_MS);
  if (!detail) return <Alert>The agent could not be loaded{error ? `: ${error.message}` : "."}</Alert>;
  const { agent, eligibleScopes, keys, recentRequests, recentGrants } = detail;
  const manageable = viewerIsAdmin && agent.status === "ACTIVE";
  return (
    <div className="flex flex-col gap-5">
      <DetailHeader
        listHref="/agents"
        listLabel="Agents"
        title={
          <>
            {agent.name} <StatusBadge status={agent.status} />
          </>
        }
        description={agent.description || undefined}
      >
        {manageable && <DisableAgentDialog agentId={agent.id} agentName={agent.name} />}
      </DetailHeader>
      {error && <Alert>The agent could not be refreshed: {error.message}</Alert>}
      <dl className="grid grid-cols-1 gap-x-8 gap-y-3 rounded-lg border bg-card px-4 py-3 text-sm sm:grid-cols-3">
        <Fact term="Owner">
          {agent.owner.name} <span className="text-muted-foreground">{agent.owner.email}</span>
        </Fact>
        <Fact term="Registered">
          <RelativeTime at={agent.createdAt} now={now} />
        </Fact>
        {agent.disabledAt && (
          <Fact term="Disabled">
            <RelativeTime at={agent.disabledAt} now={now} />
          </Fact>
        )}
        <Fact term="Tags" wide>
          <div className="flex flex-wrap items-center gap-2">
            {agent.tags.length === 0 ? <span className="text-muted-foreground">None</span> : <TagBadges tags={agent.tags} label={`Tags of ${agent.name}`} />}
            {manageable && <AgentTagsDialog agentId={agent.id} agentName={agent.name} tags={agent.tags} />}
          </div>
        </Fact>
        <Fact term="Eligible scopes" wide>
          {eligibleScopes.length === 0 ? (
            <span className="text-muted-foreground">None: this agent cannot ask for anything.</span>
          ) : (
            <ul className="flex flex-wrap gap-1.5">
              {eligibleScopes.map((scope) => (
                <li key={scope.key}>
                  <ScopeChip scope={scope} />
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </dl>
      <StandingExposureCard grants={detail.heldGrants} capped={detail.heldGrantsCapped} now={now} />
      <nav aria-label="This agent in other lists" className="-mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href={`/grants?agent=${agent.id}`} className="text-primary underline underline-offset-4">
          Its active grants
        </Link>
        <Link href={`/grants?status=all&agent=${agent.id}`} className="text-primary underline underline-offset-4">
          All its grants
        </Link>
        {viewerReadsAudit && (
          <Link href={`/audit?actor=${agent.id}&action=request.filed`} className="text-primary underline underline-offset-4">
            All its requests (audit log)
          </Link>
        )}
      </nav>
      <SectionCard
        title="Keys"
        description="The agent authenticates with one of these. Only the prefix is kept in the clear."
        actions={manageable && <IssueKeyDialog agentId={agent.id} agentName={agent.name} />}
        empty={
          keys.length === 0 && (
            <EmptyState title="No keys yet.">
              {manageable
                ? "The agent needs a key to ask Baton for anything. Issue one with Issue key: it is shown once, for the agent's BATON_API_KEY."
                : "The agent needs a key to ask Baton for anything; an admin issues it."}
            </EmptyState>
          )
        }
      >
        <AgentKeysTable agentId={agent.id} keys={keys} now={now} manageable={manageable} />
      </SectionCard>
      <WorkloadIdentityCard agentId={agent.id} federation={detail.federation} manageable={manageable} />
      <SectionCard
        title="Recent requests"
        description="What the agent asked for, newest first."
        empty={
          recentRequests.length === 0 && (
            <EmptyState title="No requests yet.">
              The agent files them with its key: <code className="font-mono">baton request</code>, the API or MCP. Each appears here and in the approvers&apos;
              inbox.
            </EmptyState>
          )
        }
      >
        <AgentRequestsTable requests={recentRequests} now={now} />
      </SectionCard>
      <SectionCard
        title="Recent grants"
        description={
          <>
            What the agent was granted, newest first;{" "}
            <Link href={`/grants?status=all&agent=${agent.id}`} className="text-primary underline underline-offset-4">
              all its grants
            </Link>
            .
          </>
        }
        empty={
          recentGrants.length === 0 && <EmptyState title="No grants yet.">A grant is issued when one of the agent&apos;s requests is approved.</EmptyState>
        }
      >
        <AgentGrantsTable grants={recentGrants} now={now} />
      </SectionCard>
    </div>
  );
}
