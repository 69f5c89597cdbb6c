import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { queryKeys } from "@/components/live/query-keys";
import { Prefetched } from "@/components/requests/prefetched";
import { RequestDetailView } from "@/components/requests/request-detail-view";
import { getRequestDetail } from "@/lib/approvals/get-request-detail";
import { requireUserForPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Request" };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireUserForPage();
  const { id } = await params;
  const detail = await getRequestDetail({ principal: viewer, requestId: id });
  if (!detail) notFound();
  return (
    <Prefetched queryKey={queryKeys.request(id)} data={detail}>
      <RequestDetailView requestId={id} />
    </Prefetched>
  );
}
