"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { SectionCard } from "@/components/admin/section-card";
import { queryKeys } from "@/components/live/query-keys";
import { useNow } from "@/components/shared/use-now";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Fact } from "@/components/ui/fact";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { changeSummary } from "./policy-diff";
import { fetchActivePolicies, fetchPolicyProposals, type ActivePolicySetDto, type PolicyProposalSummary } from "./policy-queries";
import { ProposalStatusBadge } from "./proposal-status-badge";

/** The Policies page: the active set (who, when, why), the proposals waiting for a second admin, recent decisions and the policies themselves — live. */
export function PoliciesOverview() {
  const active = useQuery({ queryKey: queryKeys.activePolicies, queryFn: fetchActivePolicies });
  const proposals = useQuery({ queryKey: queryKeys.policyProposals, queryFn: fetchPolicyProposals });
  const now = useNow(active.dataUpdatedAt);
  if (!active.data) return <Alert>The active policy set could not be loaded{active.error ? `: ${active.error.message}` : "."}</Alert>;
  const pending = proposals.data?.filter((proposal) => proposal.status === "pending") ?? [];
  const decided = proposals.data?.filter((proposal) => proposal.status !== "pending").slice(0, 10) ?? [];
  return (
    <div className="flex flex-col gap-5">
      <ActiveSetCard active={active.data} now={now} />
      <SectionCard
        title="Waiting for approval"
        description="A proposal becomes active only when an admin other than its proposer approves it."
        empty={pending.length === 0 && "No change is waiting for approval."}
      >
        <ProposalsTable label="Pending proposals" proposals={pending} now={now} />
      </SectionCard>
      {decided.length > 0 && (
        <SectionCard title="Recently decided">
          <ProposalsTable label="Decided proposals" proposals={decided} now={now} />
        </SectionCard>
      )}
      <SectionCard title="Active policies" description={`${active.data.policies.length} policies, in the file form the editor shows.`}>
        <ul aria-label="Active policies" className="flex flex-col divide-y divide-border">
          {active.data.policies.map((policy) => (
            <li key={policy.id} className="flex flex-col gap-1.5 p-4">
              <h3 className="font-mono text-sm font-medium wrap-anywhere">{policy.id}</h3>
              <pre className="overflow-x-auto rounded-md bg-muted/40 p-3 font-mono text-xs leading-5 whitespace-pre-wrap">{policy.text}</pre>
            </li>
          ))}
        </ul>
      </SectionCard>
    </div>
  );
}

function ActiveSetCard({ active, now }: { active: ActivePolicySetDto; now: number }) {
  return (
    <Card aria-label="Active policy set">
      <CardHeader>
        <CardTitle>Active policy set</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <Fact term="Version">
            <span className="font-mono text-xs wrap-anywhere">{active.version}</span>
          </Fact>
          <Fact term="Hash">
            <span className="font-mono text-xs" title={active.hash}>
              {active.hash.slice(0, 12)}
            </span>
          </Fact>
          <Fact term="Active since">
            <RelativeTime at={active.activatedAt} now={now} />
          </Fact>
          <Fact term="Proposed by">{active.author ? active.author.name : "Baton (generated from the scope catalog)"}</Fact>
          <Fact term="Approved by">{active.approvedBy ? active.approvedBy.name : "—"}</Fact>
          <Fact term="Policies">{active.policies.length}</Fact>
          <Fact term="Note" wide>
            {active.note}
          </Fact>
        </dl>
      </CardContent>
    </Card>
  );
}

function ProposalsTable({ label, proposals, now }: { label: string; proposals: PolicyProposalSummary[]; now: number }) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Note</TableHead>
          <TableHead>Changes</TableHead>
          <TableHead>Proposed by</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>When</TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {proposals.map((proposal) => (
          <TableRow key={proposal.id}>
            <TableCell className="max-w-80">
              <Link href={`/policies/proposals/${proposal.id}`} className="font-medium underline-offset-4 hover:underline wrap-anywhere">
                {proposal.note}
              </Link>
            </TableCell>
            <TableCell className="text-xs">{changeSummary(proposal.changes)}</TableCell>
            <TableCell>{proposal.proposedBy.name}</TableCell>
            <TableCell>
              <span className="flex gap-1">
                <ProposalStatusBadge proposal={proposal} />
              </span>
            </TableCell>
            <TableCell className="text-xs">
              <RelativeTime at={proposal.decidedAt ?? proposal.createdAt} now={now} />
            </TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
