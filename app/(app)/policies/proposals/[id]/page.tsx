import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { queryKeys } from "@/components/live/query-keys";
import { ProposalView } from "@/components/policies/proposal-view";
import { Prefetched } from "@/components/requests/prefetched";
import { requirePageAccess } from "@/lib/auth/current-user";
import { AppError } from "@/lib/kernel/errors";
import { getPolicyProposal } from "@/lib/policy/list-policy-proposals";
import { listSimulationAgents } from "@/lib/policy/list-simulation-agents";

export const metadata: Metadata = { title: "Policy proposal" };

export default async function PolicyProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageAccess("/policies/proposals");
  const { id } = await params;
  const proposal = await getPolicyProposal({ principal: user, proposalId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const agents = await listSimulationAgents({ principal: user });
  return (
    <Prefetched queryKey={queryKeys.policyProposal(id)} data={proposal}>
      <ProposalView proposalId={id} viewerId={user.userId} agents={agents} />
    </Prefetched>
  );
}
