"use client";
import { RoutingSummary } from "./policy-routing";
import { Loader2Icon } from "lucide-react";
import Link from "next/link";
import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/relative-time";
import { TimeCell } from "@/components/ui/time-cell";
import { cn } from "@/lib/cn";
import { formatDuration } from "@/lib/kernel/duration";
import { ApprovalCount } from "./approval-count";
import type { DecisionTarget } from "./decision-dialog";
import { RequestContext } from "./request-context";
import type { InboxItem } from "./request-queries";
import { ScopeRisks } from "./scope-risks";

interface InboxListProps {
  label: string;
  items: InboxItem[];
  now: number;
  rowProps: (item: InboxItem) => ComponentProps<"tr">;
  isDeciding: (id: string) => boolean;
  /** Rows that arrived live a moment ago, highlighted for a few seconds. */
  isFresh: (id: string) => boolean;
  onDecide: (target: DecisionTarget) => void;
}

/** A live arrival's highlight: a tint that fades, with no motion for those who ask for less of it. */
const FRESH = "bg-amber-50 dark:bg-amber-400/10";

/** Pending requests: a table on wide screens, cards with Approve and Deny in reach on a phone. */
export function InboxTable(props: InboxListProps) {
  return (
    <>
      <div className="hidden md:block">
        <WideTable {...props} />
      </div>
      <ul aria-label={props.label} className="flex flex-col divide-y md:hidden">
        {props.items.map((item) => (
          <InboxCard key={item.id} item={item} now={props.now} deciding={props.isDeciding(item.id)} fresh={props.isFresh(item.id)} onDecide={props.onDecide} />
        ))}
      </ul>
    </>
  );
}

function InboxCard({
  item,
  now,
  deciding,
  fresh,
  onDecide,
}: {
  item: InboxItem;
  now: number;
  deciding: boolean;
  fresh: boolean;
  onDecide: (target: DecisionTarget) => void;
}) {
  return (
    <li
      aria-busy={deciding || undefined}
      data-fresh={fresh || undefined}
      className={cn("flex flex-col gap-2 px-4 py-3 text-sm aria-busy:opacity-60 motion-safe:transition-colors motion-safe:duration-700", fresh && FRESH)}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <Link href={`/requests/${item.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
          <span className="sr-only">Request from </span>
          {item.agent.name}
        </Link>
        <span className="text-xs text-muted-foreground">
          {fresh && <span className="mr-1.5 font-medium text-foreground">New</span>}
          filed <RelativeTime at={item.createdAt} now={now} /> · {formatDuration(item.durationSeconds)}
        </span>
      </div>
      <p className="text-xs text-muted-foreground">
        owner {item.agent.owner.name}
        {item.onBehalfOf && ` · on behalf of ${item.onBehalfOf.name}`}
      </p>
      <ScopeRisks scopes={item.scopes} />
      <p className="line-clamp-3 whitespace-pre-line wrap-break-word">{item.justification}</p>
      <RoutingSummary routing={item.routing} />
      {(item.incident || item.contextRef) && (
        <div className="text-xs">
          <RequestContext item={item} />
        </div>
      )}
      <ApprovalCount item={item} />
      <DecisionCell item={item} deciding={deciding} onDecide={onDecide} />
    </li>
  );
}

function WideTable({ label, items, now, rowProps, isDeciding, isFresh, onDecide }: InboxListProps) {
  return (
    // Fixed column widths keep the two inbox tables aligned with each other.
    <Table aria-label={label} className="min-w-5xl table-fixed">
      <TableHeader>
        <TableRow>
          <TableHead className="w-40">Agent</TableHead>
          <TableHead className="w-60">Scopes</TableHead>
          <TableHead>Justification</TableHead>
          <TableHead className="w-20">Duration</TableHead>
          <TableHead className="w-28">Context</TableHead>
          <TableHead className="w-36">Approvals</TableHead>
          <TableHead className="w-32">Filed</TableHead>
          <TableHead className="w-44">
            <span className="sr-only">Decision</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {items.map((item) => {
          const deciding = isDeciding(item.id);
          const fresh = isFresh(item.id);
          return (
            <TableRow
              key={item.id}
              {...rowProps(item)}
              aria-busy={deciding || undefined}
              data-fresh={fresh || undefined}
              className={cn(
                "scroll-my-16 outline-none transition-colors focus-visible:bg-primary/5 aria-selected:bg-primary/5 aria-selected:shadow-[inset_3px_0_0_var(--color-primary)] aria-busy:opacity-60",
                fresh && FRESH,
              )}
            >
              <TableCell className="wrap-anywhere">
                <Link href={`/requests/${item.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  <span className="sr-only">Request from </span>
                  {item.agent.name}
                </Link>
                {fresh && <span className="ml-1.5 text-xs font-medium">New</span>}
                <p className="text-xs text-muted-foreground">owner {item.agent.owner.name}</p>
                {item.onBehalfOf && <p className="text-xs">on behalf of {item.onBehalfOf.name}</p>}
              </TableCell>
              <TableCell>
                <ScopeRisks scopes={item.scopes} />
              </TableCell>
              <TableCell>
                <p className="line-clamp-3 whitespace-pre-line wrap-break-word">{item.justification}</p>
                <RoutingSummary routing={item.routing} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDuration(item.durationSeconds)}</TableCell>
              <TableCell className="text-xs">
                <RequestContext item={item} />
              </TableCell>
              <TableCell className="text-sm">
                <ApprovalCount item={item} />
              </TableCell>
              <TimeCell at={item.createdAt} now={now} />
              <TableCell>
                <DecisionCell item={item} deciding={deciding} onDecide={onDecide} />
              </TableCell>
            </TableRow>
          );
        })}
      </tbody>
    </Table>
  );
}

function DecisionCell({ item, deciding, onDecide }: { item: InboxItem; deciding: boolean; onDecide: (target: DecisionTarget) => void }) {
  if (deciding)
    return (
      <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
        <Loader2Icon className="size-3.5 animate-spin" aria-hidden />
        Deciding…
      </span>
    );
  if (!item.canDecide) return <p className="text-xs text-muted-foreground">{item.cannotDecideReason}</p>;
  return (
    <div className="flex gap-1.5">
      <Button size="sm" onClick={() => onDecide({ kind: "approve", item })}>
        Approve<span className="sr-only"> the request from {item.agent.name}</span>
      </Button>
      <Button size="sm" variant="outline" onClick={() => onDecide({ kind: "deny", item })}>
        Deny<span className="sr-only"> the request from {item.agent.name}</span>
      </Button>
    </div>
  );
}
