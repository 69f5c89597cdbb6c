import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgentDetailView } from "@/components/agents/agent-detail-view";
import { queryKeys } from "@/components/live/query-keys";
import { Prefetched } from "@/components/requests/prefetched";
import { getAgentDetail } from "@/lib/agents/get-agent-detail";
import { mayAdminister, mayReadAudit } from "@/lib/authorization/rules";
import { requireUserForPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Agent" };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireUserForPage();
  const { id } = await params;
  const detail = await getAgentDetail({ agentId: id });
  if (!detail) notFound();
  return (
    <Prefetched queryKey={queryKeys.agent(id)} data={detail}>
      <AgentDetailView agentId={id} viewerIsAdmin={mayAdminister(viewer)} viewerReadsAudit={mayReadAudit(viewer)} />
    </Prefetched>
  );
}
