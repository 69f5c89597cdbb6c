"use client";
import { useQuery } from "@tanstack/react-query";
import { Loader2Icon } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { DetailHeader } from "@/components/admin/detail-header";
import { ScopeChips } from "@/components/context/scope-chip";
import { TimeLeftBar } from "@/components/context/time-left-bar";
import { SectionCard } from "@/components/admin/section-card";
import { StatusBadge } from "@/components/admin/status-badge";
import { queryKeys } from "@/components/live/query-keys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDuration } from "@/lib/kernel/duration";
import { ApprovalCount } from "./approval-count";
import { RESUME_PARAM, takeApproveDraft } from "./approve-draft";
import { DecisionDialog, type DecisionTarget } from "./decision-dialog";
import { DecisionNotice } from "./decision-notice";
import { RequestApprovals } from "./request-approvals";
import { RequestHistory } from "./request-history";
import { fetchRequest, type RequestDetail } from "./request-queries";
import { ScopeRisk } from "./scope-risks";
import { useDecision } from "./use-decision";
import { useNow } from "@/components/shared/use-now";
import { Fact } from "@/components/ui/fact";
import { DelegationFacts } from "@/components/requests/delegation-facts";
import { PolicyRouting } from "./policy-routing";
import { ConstraintList } from "./constraint-list";

/** One request: what was asked, who decided what, the grant once there is one, and its audit history — kept live. */
export function RequestDetailView({ requestId }: { requestId: string }) {
  const { data: request, error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.request(requestId), queryFn: () => fetchRequest(requestId) });
  const now = useNow(dataUpdatedAt);
  const { decide, isDeciding, notice } = useDecision();
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  useResumeApproval(request, setTarget);
  if (!request) return <Alert>The request could not be loaded{error ? `: ${error.message}` : "."}</Alert>;
  const deciding = isDeciding(request.id);

  return (
    <div className="flex flex-col gap-5">
      <DetailHeader
        listHref="/requests"
        listLabel="Requests"
        title={
          <>
            Request from {request.agent.name} <StatusBadge status={request.status} />
          </>
        }
        description={<span className="font-mono text-xs">{request.id}</span>}
      >
        {deciding ? (
          <span className="inline-flex items-center gap-1.5 text-sm text-muted-foreground">
            <Loader2Icon className="size-4 animate-spin" aria-hidden />
            Deciding…
          </span>
        ) : request.canDecide ? (
          <>
            <Button onClick={() => setTarget({ kind: "approve", item: request })}>Approve</Button>
            <Button variant="outline" onClick={() => setTarget({ kind: "deny", item: request })}>
              Deny
            </Button>
          </>
        ) : (
          request.status === "PENDING" && <p className="text-sm text-muted-foreground">{request.cannotDecideReason}</p>
        )}
      </DetailHeader>
      <DecisionNotice notice={notice} />
      {error && <Alert>The request could not be refreshed: {error.message}</Alert>}
      <RequestFacts request={request} now={now} />
      {request.routing && (
        <SectionCard title="Policy decision" description="What the policy set decided when the request was filed, and why.">
          <PolicyRouting routing={request.routing} />
        </SectionCard>
      )}
      <SectionCard title="Scopes asked for" description="Each scope is decided by the groups its policies name; every group must agree.">
        <ScopesTable scopes={request.scopes} />
      </SectionCard>
      {request.grant && (
        <SectionCard title="Grant" description="What was granted, which may be narrower than what was asked.">
          <GrantFacts grant={request.grant} asked={request.scopes} now={now} />
        </SectionCard>
      )}
      <SectionCard title="Approvals" empty={request.approvals.length === 0 && "Nobody has decided yet."}>
        <RequestApprovals approvals={request.approvals} now={now} />
      </SectionCard>
      <SectionCard title="History" description="From the tamper-evident audit log, oldest first." empty={request.history.length === 0 && "No events recorded."}>
        <RequestHistory history={request.history} now={now} />
      </SectionCard>
      <DecisionDialog target={target} freshSignInUntil={request.freshSignInUntil} onClose={() => setTarget(null)} onConfirm={decide} />
    </div>
  );
}

/** Back from signing in again to approve: reopen the approve dialog with what was filled in before. */
function useResumeApproval(request: RequestDetail | undefined, open: (target: DecisionTarget) => void) {
  const router = useRouter();
  const resume = useSearchParams().get(RESUME_PARAM) === "resume";
  const ready = resume && request !== undefined;
  useEffect(() => {
    if (!ready || !request) return;
    const draft = takeApproveDraft(request.id);
    router.replace(`/requests/${request.id}`, { scroll: false });
    if (request.canDecide) open({ kind: "approve", item: request, draft: draft ?? undefined });
    // Once, on arrival: later refetches of the request must not reopen the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);
}

function RequestFacts({ request, now }: { request: RequestDetail; now: number }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-3 rounded-lg border bg-card px-4 py-3 text-sm sm:grid-cols-3">
      <DelegationFacts item={request} />
      <Fact term="Duration asked">{formatDuration(request.durationSeconds)}</Fact>
      <Fact term="Approvals">
        <ApprovalCount item={request} />
      </Fact>
      <Fact term="Filed">
        <RelativeTime at={request.createdAt} now={now} />
      </Fact>
      {request.status === "PENDING" ? (
        <Fact term="Lapses if undecided">
          <RelativeTime at={request.pendingExpiresAt} now={now} />
        </Fact>
      ) : (
        request.decidedAt && (
          <Fact term="Decided">
            <RelativeTime at={request.decidedAt} now={now} />
          </Fact>
        )
      )}
      {request.outcomeReason && (
        <Fact term="Reason" wide>
          <p className="whitespace-pre-line wrap-break-word">{request.outcomeReason}</p>
        </Fact>
      )}
      <Fact term="Justification" wide>
        <p className="whitespace-pre-line wrap-break-word">{request.justification}</p>
      </Fact>
      {request.authorizationDetails && (
        <Fact term="Constraints asked" wide>
          <ConstraintList constraints={request.authorizationDetails} label="Constraints asked" />
        </Fact>
      )}
    </dl>
  );
}

function ScopesTable({ scopes }: { scopes: RequestDetail["scopes"] }) {
  return (
    <Table aria-label="Scopes asked for">
      <TableHeader>
        <TableRow>
          <TableHead>Scope</TableHead>
          <TableHead>Risk</TableHead>
          <TableHead>Approver group</TableHead>
          <TableHead className="text-right">Approvals required</TableHead>
          <TableHead>Description</TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {scopes.map((scope) => (
          <TableRow key={scope.key}>
            <TableCell className="font-mono text-xs">{scope.key}</TableCell>
            <TableCell>
              <ScopeRisk risk={scope.risk} />
            </TableCell>
            <TableCell>{scope.approverGroup ?? <span className="text-muted-foreground">admins</span>}</TableCell>
            <TableCell className="text-right tabular-nums">{scope.approvalsRequired}</TableCell>
            <TableCell className="text-xs text-muted-foreground">{scope.description}</TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}

function GrantFacts({ grant, asked, now }: { grant: NonNullable<RequestDetail["grant"]>; asked: RequestDetail["scopes"]; now: number }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-3 px-4 py-3 text-sm sm:grid-cols-3">
      <Fact term="Status">
        <StatusBadge status={grant.status} />
      </Fact>
      <Fact term="Starts">
        <RelativeTime at={grant.startsAt} now={now} />
      </Fact>
      <Fact term={grant.status === "REVOKED" ? "Was to expire" : "Expires"}>
        <RelativeTime at={grant.expiresAt} now={now} />
        <TimeLeftBar grant={grant} now={now} className="mt-1 max-w-48" />
      </Fact>
      <Fact term="Scopes granted" wide>
        <ScopeChips scopes={grant.scopes.map((key) => ({ key, risk: asked.find((scope) => scope.key === key)?.risk ?? null }))} />
      </Fact>
      {grant.authorizationDetails && (
        <Fact term="Constraints granted" wide>
          <ConstraintList constraints={grant.authorizationDetails} label="Constraints granted" />
        </Fact>
      )}
      {grant.revokeReason && (
        <Fact term="Revoked because" wide>
          {grant.revokeReason}
        </Fact>
      )}
      <Fact term="Grant id" wide>
        <Link href={`/grants/${grant.id}`} className="font-mono text-xs text-primary underline-offset-4 hover:underline">
          {grant.id}
        </Link>
      </Fact>
    </dl>
  );
}
