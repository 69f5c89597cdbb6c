"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { IncidentChip } from "@/components/context/incident-chip";
import { ScopeChipsCell } from "@/components/context/scope-chip";
import { TimeLeftBar } from "@/components/context/time-left-bar";
import { SectionCard } from "@/components/admin/section-card";
import { StatusCell } from "@/components/admin/status-badge";
import { COUNTDOWN_TICK_MS, useNow } from "@/components/shared/use-now";
import { queryKeys } from "@/components/live/query-keys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { NoValue } from "@/components/ui/no-value";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import { grantStateAt } from "@/lib/grants/grant-state-at";
import { formatDuration, parseDuration } from "@/lib/kernel/duration";
import { fetchGrants, type GrantSearch } from "./grant-queries";
import { GrantLink } from "@/components/grants/grant-link";

/** One page of grants matching the search, each linking to its page; kept live by the event stream. */
export function GrantsList({ search }: { search: GrantSearch }) {
  const { data, error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.grantList(search), queryFn: () => fetchGrants(search) });
  const now = useNow(dataUpdatedAt, COUNTDOWN_TICK_MS);
  const grants = data?.items ?? [];
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert>The grants could not be refreshed: {error.message}</Alert>}
      <SectionCard
        title={search.cursor ? "Grants (continued)" : "Grants"}
        description={search.expiring ? `Live grants expiring within ${formatDuration(parseDuration(search.expiring) ?? 0)}, newest first.` : "Newest first."}
        empty={grants.length === 0 && <NoGrants search={search} />}
      >
        <Table aria-label="Grants">
          <TableHeader>
            <TableRow>
              <TableHead>Agent</TableHead>
              <TableHead>Scopes</TableHead>
              <TableHead>On behalf of</TableHead>
              <TableHead>Issued</TableHead>
              <TableHead>Expires</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <tbody>
            {grants.map((grant) => (
              <TableRow key={grant.id}>
                <TableCell>
                  <GrantLink grantId={grant.id} agentName={grant.agent.name} className="relative inline-block" />
                  {grant.incident && <IncidentChip incident={grant.incident} className="mt-1 flex" />}
                </TableCell>
                <ScopeChipsCell scopes={grant.scopeRefs} />
                <TableCell>{grant.onBehalfOf ?? <NoValue />}</TableCell>
                <TimeCell at={grant.startsAt} now={now} />
                <TableCell className="whitespace-nowrap">
                  <RelativeTime at={grant.expiresAt} now={now} />
                  <TimeLeftBar grant={grant} now={now} className="mt-1" />
                </TableCell>
                <StatusCell status={grantStateAt(grant, now)} />
              </TableRow>
            ))}
          </tbody>
        </Table>
      </SectionCard>
      <KeysetPager path="/grants" query={search} nextCursor={data?.nextCursor} />
    </div>
  );
}

/** An empty page of grants says whether the filters hide some, and offers to drop them. */
function NoGrants({ search }: { search: GrantSearch }) {
  const filtered = search.status !== "all" || Boolean(search.agent || search.scope || search.incident || search.onBehalfOf || search.expiring);
  return (
    <EmptyState
      title="No grants match."
      action={
        filtered && (
          <Button asChild variant="outline" size="sm">
            <Link href="/grants?status=all">Show every grant</Link>
          </Button>
        )
      }
    >
      A grant is issued when a request is approved, and ends at its expiry or when revoked.{filtered && " These filters may hide some."}
    </EmptyState>
  );
}
