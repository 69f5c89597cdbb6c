import type { Metadata } from "next";
import { queryKeys } from "@/components/live/query-keys";
import { ProposePolicyView } from "@/components/policies/propose-policy-view";
import { Prefetched } from "@/components/requests/prefetched";
import { requirePageAccess } from "@/lib/auth/current-user";
import { getActivePolicies } from "@/lib/policy/get-active-policies";

export const metadata: Metadata = { title: "Propose a policy change" };

export default async function ProposePolicyPage() {
  const user = await requirePageAccess("/policies/new");
  return (
    <Prefetched queryKey={queryKeys.activePolicies} data={await getActivePolicies({ principal: user })}>
      <ProposePolicyView />
    </Prefetched>
  );
}
