import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IssueKeyDialog } from "@/components/admin/agent-key-dialogs";
import { AgentGrantsTable } from "@/components/admin/agent-grants-table";
import { AgentKeysTable } from "@/components/admin/agent-keys-table";
import { AgentRequestsTable } from "@/components/admin/agent-requests-table";
import { DisableAgentDialog } from "@/components/admin/disable-agent-dialog";
import { PageHeader } from "@/components/admin/page-header";
import { RiskBadge } from "@/components/admin/risk-badge";
import { SectionCard } from "@/components/admin/section-card";
import { StatusBadge } from "@/components/admin/status-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { getAgentDetail } from "@/lib/agents/get-agent-detail";
import { requireUserForPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Agent" };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireUserForPage();
  const detail = await getAgentDetail({ agentId: (await params).id });
  if (!detail) notFound();
  const { agent, eligibleScopes, keys, recentRequests, recentGrants } = detail;
  const now = new Date(detail.asOf).getTime();
  const manageable = viewer.role === "ADMIN" && agent.status === "ACTIVE";
  return (
    <div className="flex flex-col gap-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/agents" className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
          Agents
        </Link>
      </nav>
      <PageHeader
        title={
          <>
            {agent.name} <StatusBadge status={agent.status} />
          </>
        }
        description={agent.description || undefined}
      >
        {manageable && <DisableAgentDialog agentId={agent.id} agentName={agent.name} />}
      </PageHeader>
      <dl className="grid grid-cols-1 gap-x-8 gap-y-3 rounded-lg border bg-card px-4 py-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-muted-foreground">Owner</dt>
          <dd>
            {agent.owner.name} <span className="text-muted-foreground">{agent.owner.email}</span>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Registered</dt>
          <dd>
            <RelativeTime at={agent.createdAt} now={now} />
          </dd>
        </div>
        {agent.disabledAt && (
          <div>
            <dt className="text-xs text-muted-foreground">Disabled</dt>
            <dd>
              <RelativeTime at={agent.disabledAt} now={now} />
            </dd>
          </div>
        )}
        <div className="sm:col-span-3">
          <dt className="mb-1 text-xs text-muted-foreground">Eligible scopes</dt>
          <dd>
            {eligibleScopes.length === 0 ? (
              <span className="text-muted-foreground">None: this agent cannot ask for anything.</span>
            ) : (
              <ul className="flex flex-wrap gap-x-4 gap-y-1.5">
                {eligibleScopes.map((scope) => (
                  <li key={scope.key} className="flex items-center gap-1.5">
                    <span className="font-mono text-xs">{scope.key}</span>
                    <RiskBadge risk={scope.risk} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <SectionCard
        title="Keys"
        description="The agent authenticates with one of these. Only the prefix is kept in the clear."
        actions={manageable && <IssueKeyDialog agentId={agent.id} agentName={agent.name} />}
        empty={keys.length === 0 && "No keys yet."}
      >
        <AgentKeysTable agentId={agent.id} keys={keys} now={now} manageable={manageable} />
      </SectionCard>
      <SectionCard title="Recent requests" description="What the agent asked for, newest first." empty={recentRequests.length === 0 && "No requests yet."}>
        <AgentRequestsTable requests={recentRequests} now={now} />
      </SectionCard>
      <SectionCard title="Recent grants" description="What the agent was granted, newest first." empty={recentGrants.length === 0 && "No grants yet."}>
        <AgentGrantsTable grants={recentGrants} now={now} />
      </SectionCard>
    </div>
  );
}
