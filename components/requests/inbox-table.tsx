"use client";
import { Loader2Icon } from "lucide-react";
import Link from "next/link";
import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import { formatDuration } from "@/lib/scopes/form-schemas";
import type { DecisionTarget } from "./decision-dialog";
import { RequestContext } from "./request-context";
import type { InboxItem } from "./request-queries";
import { ScopeRisks } from "./scope-risks";

/** One table of pending requests; `rowProps` ties each row to the keyboard selection. */
export function InboxTable({
  label,
  items,
  now,
  rowProps,
  isDeciding,
  onDecide,
}: {
  label: string;
  items: InboxItem[];
  now: number;
  rowProps: (item: InboxItem) => ComponentProps<"tr">;
  isDeciding: (id: string) => boolean;
  onDecide: (target: DecisionTarget) => void;
}) {
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
          <TableHead className="w-24">Approvals</TableHead>
          <TableHead className="w-32">Filed</TableHead>
          <TableHead className="w-44">
            <span className="sr-only">Decision</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {items.map((item) => {
          const deciding = isDeciding(item.id);
          return (
            <TableRow
              key={item.id}
              {...rowProps(item)}
              aria-busy={deciding || undefined}
              className="scroll-my-16 outline-none transition-colors focus-visible:bg-primary/5 aria-selected:bg-primary/5 aria-selected:shadow-[inset_3px_0_0_var(--color-primary)] aria-busy:opacity-60"
            >
              <TableCell className="wrap-anywhere">
                <Link href={`/requests/${item.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  <span className="sr-only">Request from </span>
                  {item.agent.name}
                </Link>
                <p className="text-xs text-muted-foreground">owner {item.agent.owner.name}</p>
                {item.onBehalfOf && <p className="text-xs">on behalf of {item.onBehalfOf.name}</p>}
              </TableCell>
              <TableCell>
                <ScopeRisks scopes={item.scopes} />
              </TableCell>
              <TableCell>
                <p className="line-clamp-3 whitespace-pre-line wrap-break-word">{item.justification}</p>
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDuration(item.durationSeconds)}</TableCell>
              <TableCell className="text-xs">
                <RequestContext item={item} />
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">
                {item.approvalsHad} of {item.approvalsNeeded}
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
