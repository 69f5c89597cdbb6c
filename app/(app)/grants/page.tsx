import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { grantsKey } from "@/components/grants/grant-queries";
import { GrantsList } from "@/components/grants/grants-list";
import { Prefetched } from "@/components/requests/prefetched";
import { requireUserForPage } from "@/lib/auth/current-user";
import { listGrants } from "@/lib/grants/list-grants";
import { listGrantsQuery } from "@/lib/grants/schemas";

export const metadata: Metadata = { title: "Grants" };

export default async function GrantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUserForPage();
  const parsed = listGrantsQuery.safeParse(await searchParams);
  const status = parsed.success ? parsed.data.status : "active";
  const grants = await listGrants({ status });
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Grants" description="Access agents hold or held, newest first. Changes appear here as they happen." />
      <Prefetched queryKey={grantsKey(status)} data={grants}>
        <GrantsList status={status} />
      </Prefetched>
    </div>
  );
}
