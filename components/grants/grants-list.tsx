"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ScopeKeys } from "@/components/admin/scope-keys";
import { SectionCard } from "@/components/admin/section-card";
import { StatusBadge } from "@/components/admin/status-badge";
import { useNow } from "@/components/requests/use-now";
import { Alert } from "@/components/ui/alert";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { grantStateAt } from "./grant-state";
import { fetchGrants, grantsKey, type GrantStatusFilter } from "./grant-queries";

const FILTERS: { status: GrantStatusFilter; label: string }[] = [
  { status: "active", label: "Active" },
  { status: "expired", label: "Expired" },
  { status: "revoked", label: "Revoked" },
  { status: "all", label: "All" },
];

/** The newest 100 grants with the chosen status, each linking to its page; kept live by the event stream. */
export function GrantsList({ status }: { status: GrantStatusFilter }) {
  const { data: grants = [], error, dataUpdatedAt } = useQuery({ queryKey: grantsKey(status), queryFn: () => fetchGrants(status) });
  const now = useNow(dataUpdatedAt);
  const current = FILTERS.find((filter) => filter.status === status);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Grant status" className="flex gap-1">
        {FILTERS.map((filter) => (
          <Link
            key={filter.status}
            href={`/grants?status=${filter.status}`}
            aria-current={filter.status === status ? "page" : undefined}
            className={cn("rounded-md px-2.5 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground", filter.status === status && "bg-muted font-medium text-foreground")}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      {error && <Alert>The grants could not be refreshed: {error.message}</Alert>}
      <SectionCard title={`${current?.label ?? "All"} grants`} empty={grants.length === 0 && "No grants here."}>
        <Table aria-label="Grants">
          <TableHeader>
            <TableRow>
              <TableHead>Agent</TableHead>
              <TableHead>Scopes</TableHead>
              <TableHead>On behalf of</TableHead>
              <TableHead>Expires</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <tbody>
            {grants.map((grant) => (
              <TableRow key={grant.id}>
                <TableCell>
                  <Link href={`/grants/${grant.id}`} className="relative inline-block font-medium text-primary underline-offset-4 hover:underline">
                    <span className="sr-only">Grant to </span>
                    {grant.agent.name}
                  </Link>
                </TableCell>
                <TableCell>
                  <ScopeKeys keys={grant.scopes} />
                </TableCell>
                <TableCell>{grant.onBehalfOf ?? <span className="text-muted-foreground">—</span>}</TableCell>
                <TableCell className="whitespace-nowrap">
                  <RelativeTime at={grant.expiresAt} now={now} />
                </TableCell>
                <TableCell>
                  <StatusBadge status={grantStateAt(grant, now)} />
                </TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </SectionCard>
    </div>
  );
}
