import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { queryKeys } from "@/components/live/query-keys";
import { PoliciesOverview } from "@/components/policies/policies-overview";
import { Prefetched } from "@/components/requests/prefetched";
import { Button } from "@/components/ui/button";
import { requirePageAccess } from "@/lib/auth/current-user";
import { getActivePolicies } from "@/lib/policy/get-active-policies";
import { listPolicyProposals } from "@/lib/policy/list-policy-proposals";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage() {
  const user = await requirePageAccess("/policies");
  const [active, proposals] = await Promise.all([getActivePolicies({ principal: user }), listPolicyProposals({ principal: user })]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Policies" description="The Cedar policy set decides every request and call. Changes are proposed, then approved by a second admin.">
        <Button asChild>
          <Link href="/policies/new">Propose a change</Link>
        </Button>
      </PageHeader>
      <Prefetched queryKey={queryKeys.activePolicies} data={active}>
        <Prefetched queryKey={queryKeys.policyProposals} data={proposals}>
          <PoliciesOverview />
        </Prefetched>
      </Prefetched>
    </div>
  );
}
