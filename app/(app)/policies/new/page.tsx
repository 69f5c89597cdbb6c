import type { Metadata } from "next";
import { queryKeys } from "@/components/live/query-keys";
import { ProposePolicyView } from "@/components/policies/propose-policy-view";
import { Prefetched } from "@/components/requests/prefetched";
import { requirePageAccess } from "@/lib/auth/current-user";
import { getActivePolicies } from "@/lib/policy/get-active-policies";
import { listSimulationAgents } from "@/lib/policy/list-simulation-agents";

export const metadata: Metadata = { title: "Propose a policy change" };

export default async function ProposePolicyPage() {
  const user = await requirePageAccess("/policies/new");
  const [active, agents] = await Promise.all([getActivePolicies({ principal: user }), listSimulationAgents({ principal: user })]);
  return (
    <Prefetched queryKey={queryKeys.activePolicies} data={active}>
      <ProposePolicyView agents={agents} />
    </Prefetched>
  );
}
