import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { queryKeys } from "@/components/live/query-keys";
import { ApprovalInbox } from "@/components/requests/approval-inbox";
import { Prefetched } from "@/components/requests/prefetched";
import { listInbox } from "@/lib/approvals/list-inbox";
import { requireUserForPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage() {
  const viewer = await requireUserForPage();
  const inbox = await listInbox({ principal: viewer });
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Requests" description="Access requests waiting for a decision. New ones appear here as agents file them." />
      <Prefetched queryKey={queryKeys.inbox} data={inbox}>
        <ApprovalInbox />
      </Prefetched>
    </div>
  );
}
