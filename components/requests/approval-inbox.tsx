"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { SectionCard } from "@/components/admin/section-card";
import { queryKeys } from "@/components/live/query-keys";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { Kbd } from "@/components/ui/kbd";
import { DecisionDialog, type DecisionTarget } from "./decision-dialog";
import { DecisionNotice } from "./decision-notice";
import { InboxTable } from "./inbox-table";
import { NotificationOptIn } from "./requests-attention";
import { fetchInbox, type InboxItem } from "./request-queries";
import { useDecision } from "./use-decision";
import { useFreshArrivals } from "./use-fresh-arrivals";
import { useInboxShortcuts, type InboxAction } from "./use-inbox-shortcuts";
import { useNow } from "@/components/shared/use-now";

/**
 * The approval inbox: what this person can decide first, most urgent first (lib/approvals/list-inbox.ts),
 * then every other pending request, read-only with the reason. New requests arrive through the live
 * event stream, which invalidates the query, and are highlighted for a few seconds.
 */
export function ApprovalInbox() {
  const router = useRouter();
  const { data, error, dataUpdatedAt } = useQuery({ queryKey: queryKeys.inbox, queryFn: fetchInbox });
  const now = useNow(dataUpdatedAt);
  const { decide, isDeciding, notice } = useDecision();
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const items = useMemo(() => data?.items ?? [], [data]);
  const isFresh = useFreshArrivals(useMemo(() => items.map((item) => item.id), [items]));
  const mine = items.filter((item) => item.canDecide);
  const others = items.filter((item) => !item.canDecide);

  const onAction = (action: InboxAction, item: InboxItem) => {
    if (action === "open") router.push(`/requests/${item.id}`);
    else if (item.canDecide && !isDeciding(item.id)) setTarget({ kind: action, item });
  };
  const { rowProps } = useInboxShortcuts([...mine, ...others], { enabled: target === null, onAction });
  const table = (label: string, rows: InboxItem[]) => (
    <InboxTable label={label} items={rows} now={now} rowProps={rowProps} isDeciding={isDeciding} isFresh={isFresh} onDecide={setTarget} />
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="hidden flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground md:flex">
          <span className="sr-only">Keyboard shortcuts:</span>
          <span>
            <Kbd>j</Kbd> <Kbd>k</Kbd> select
          </span>
          {/* Only to someone with a request to decide: viewers and people outside every group see no decision shortcuts. */}
          {mine.length > 0 && (
            <>
              <span>
                <Kbd>a</Kbd> approve
              </span>
              <span>
                <Kbd>d</Kbd> deny
              </span>
            </>
          )}
          <span>
            <Kbd>Enter</Kbd> open
          </span>
        </p>
        <NotificationOptIn />
      </div>
      {error && <Alert>The inbox could not be refreshed: {error.message}</Alert>}
      <DecisionNotice notice={notice} linkToRequest />
      <SectionCard
        title="Waiting for you"
        description="Routed to your groups: the most severe open incident first, then the riskiest scope, then the oldest."
        empty={
          mine.length === 0 && (
            <EmptyState title="Nothing is waiting for your decision.">
              Requests routed to your approver groups appear here the moment an agent files them.
            </EmptyState>
          )
        }
      >
        {table("Waiting for you", mine)}
      </SectionCard>
      {others.length > 0 && (
        <SectionCard title="Other pending requests" description="Read-only: routed to other groups, already approved by you, or not yours to decide.">
          {table("Other pending requests", others)}
        </SectionCard>
      )}
      <DecisionDialog target={target} freshSignInUntil={data?.freshSignInUntil ?? null} onClose={() => setTarget(null)} onConfirm={decide} />
    </div>
  );
}
