import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditLog } from "@/components/audit/audit-log";
import { toAuditQuery } from "@/components/audit/audit-queries";
import { ExportLinks } from "@/components/audit/export-links";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { queryKeys } from "@/components/live/query-keys";
import { Prefetched } from "@/components/requests/prefetched";
import { Alert } from "@/components/ui/alert";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditPageQuery } from "@/lib/audit/schemas";
import { requirePageAccess } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageAccess("/audit");
  const parsed = auditPageQuery.safeParse(await searchParams);
  const applied = parsed.success ? parsed.data : auditPageQuery.parse({});
  const query = toAuditQuery(applied);
  const page = await listAuditEvents({ principal: viewer, query: applied });
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Audit log" description="Every change Baton made, hash-chained in the order it was written. Times are UTC.">
        <ExportLinks query={query} />
      </PageHeader>
      {!parsed.success && (
        <Alert>
          Some filters in the address were not valid and were ignored:{" "}
          {parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}.
        </Alert>
      )}
      <AuditFilters query={query} />
      <VerifyChainButton />
      <Prefetched queryKey={queryKeys.auditPage(query)} data={page}>
        <AuditLog query={query} />
      </Prefetched>
    </div>
  );
}
