import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GrantDetailView } from "@/components/grants/grant-detail-view";
import { queryKeys } from "@/components/live/query-keys";
import { Prefetched } from "@/components/requests/prefetched";
import { requireUserForPage } from "@/lib/auth/current-user";
import { getGrantDetail } from "@/lib/grants/get-grant-detail";

export const metadata: Metadata = { title: "Grant" };

export default async function GrantPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireUserForPage();
  const { id } = await params;
  const detail = await getGrantDetail({ principal: viewer, grantId: id });
  if (!detail) notFound();
  return (
    <Prefetched queryKey={queryKeys.grant(id)} data={detail}>
      <GrantDetailView grantId={id} />
    </Prefetched>
  );
}
