import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { GrantFilters } from "@/components/grants/grant-filters";
import { GrantsList } from "@/components/grants/grants-list";
import { queryKeys } from "@/components/live/query-keys";
import { Prefetched } from "@/components/requests/prefetched";
import { Alert } from "@/components/ui/alert";
import { requireUserForPage } from "@/lib/auth/current-user";
import { listGrantFilterOptions } from "@/lib/grants/list-grant-filter-options";
import { listGrants } from "@/lib/grants/list-grants";
import { grantSearchQuery } from "@/lib/grants/schemas";

export const metadata: Metadata = { title: "Grants" };

export default async function GrantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUserForPage();
  const parsed = grantSearchQuery.safeParse(await searchParams);
  const search = parsed.success ? parsed.data : grantSearchQuery.parse({});
  const [page, options] = await Promise.all([listGrants({ search }), listGrantFilterOptions()]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Grants"
        description="Access agents hold or held. A grant past its expiry counts as expired whether or not it has been marked yet. Changes appear here as they happen."
      />
      {!parsed.success && (
        <Alert>
          Some filters in the address were not valid and were ignored:{" "}
          {parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}.
        </Alert>
      )}
      <GrantFilters search={search} options={options} />
      <Prefetched queryKey={queryKeys.grantList(search)} data={page}>
        <GrantsList search={search} />
      </Prefetched>
    </div>
  );
}
