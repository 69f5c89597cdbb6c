"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { DetailHeader } from "@/components/admin/detail-header";
import { SectionCard } from "@/components/admin/section-card";
import { queryKeys } from "@/components/live/query-keys";
import { useNow } from "@/components/shared/use-now";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Fact } from "@/components/ui/fact";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RelativeTime } from "@/components/ui/relative-time";
import { changeSummary, PolicyDiff } from "./policy-diff";
import { decideProposal, fetchPolicyProposal, type PolicyProposalDto } from "./policy-queries";
import { ProposalStatusBadge } from "./proposal-status-badge";
import { SimulationPanel, type SimulationAgent } from "./simulation-panel";

/** One proposal: what it changes, who proposed it and why, and — for an admin other than the proposer — Approve and Reject. Live. */
export function ProposalView({ proposalId, viewerId, agents }: { proposalId: string; viewerId: string; agents: SimulationAgent[] }) {
  const { data: proposal, error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.policyProposal(proposalId), queryFn: () => fetchPolicyProposal(proposalId) });
  const now = useNow(dataUpdatedAt);
  if (!proposal) return <Alert>The proposal could not be loaded{error ? `: ${error.message}` : "."}</Alert>;
  return (
    <div className="flex flex-col gap-5">
      <DetailHeader
        listHref="/policies"
        listLabel="Policies"
        title={
          <>
            Policy proposal <ProposalStatusBadge proposal={proposal} />
          </>
        }
        description={<span className="font-mono text-xs">{proposal.id}</span>}
      />
      <ProposalFacts proposal={proposal} now={now} />
      {proposal.status === "pending" && <Review proposal={proposal} viewerId={viewerId} />}
      <SectionCard title="Changes" description={`Against version ${proposal.baseVersionId}: ${changeSummary(proposal.changes)}.`}>
        <PolicyDiff diff={proposal.diff} />
      </SectionCard>
      {proposal.status === "pending" && <SimulationPanel policies={proposal.policies} agents={agents} autoRun />}
    </div>
  );
}

function ProposalFacts({ proposal, now }: { proposal: PolicyProposalDto; now: number }) {
  return (
    <Card>
      <CardContent className="pt-4">
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <Fact term="Note" wide>
            {proposal.note}
          </Fact>
          <Fact term="Proposed by">{proposal.proposedBy.name}</Fact>
          <Fact term="Proposed">
            <RelativeTime at={proposal.createdAt} now={now} />
          </Fact>
          <Fact term="Hash">
            <span className="font-mono text-xs" title={proposal.hash}>
              {proposal.hash.slice(0, 12)}
            </span>
          </Fact>
          {proposal.decidedBy && proposal.decidedAt && (
            <>
              <Fact term={proposal.status === "approved" ? "Approved by" : "Rejected by"}>{proposal.decidedBy.name}</Fact>
              <Fact term="Decided">
                <RelativeTime at={proposal.decidedAt} now={now} />
              </Fact>
              <Fact term="Decision note">{proposal.decisionNote ?? "—"}</Fact>
            </>
          )}
          {proposal.versionId && (
            <Fact term="Became version">
              <span className="font-mono text-xs">{proposal.versionId}</span>
            </Fact>
          )}
        </dl>
      </CardContent>
    </Card>
  );
}

function Review({ proposal, viewerId }: { proposal: PolicyProposalDto; viewerId: string }) {
  const queryClient = useQueryClient();
  const noteId = useId();
  const [note, setNote] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "approve" | "reject") => decideProposal(proposal.id, decision, note.trim() || undefined),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.policies }),
  });
  const own = proposal.proposedBy.id === viewerId;
  return (
    <section aria-label="Review" className="flex flex-col gap-3 rounded-lg border bg-card p-4">
      {proposal.stale ? (
        <Alert>Another version became active after this was proposed. It can no longer be approved: propose the change again against the active set.</Alert>
      ) : own ? (
        <p className="text-sm">Waiting for another admin to approve. You proposed this change, so you cannot approve it; you may withdraw it.</p>
      ) : (
        <p className="text-sm">Approving makes this set active at once, on every instance. Read the changes below first.</p>
      )}
      <div className="flex flex-col gap-1.5 sm:max-w-md">
        <Label htmlFor={noteId}>Decision note (optional)</Label>
        <Input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} maxLength={1000} />
      </div>
      {decide.error && <Alert>{decide.error.message}</Alert>}
      <div className="flex flex-wrap gap-2">
        {!own && !proposal.stale && (
          <Button onClick={() => decide.mutate("approve")} disabled={decide.isPending}>
            Approve
          </Button>
        )}
        <Button variant="outline" onClick={() => decide.mutate("reject")} disabled={decide.isPending}>
          {own ? "Withdraw" : "Reject"}
        </Button>
      </div>
    </section>
  );
}
