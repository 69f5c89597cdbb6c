import type { InboxItem } from "./request-queries";

/**
 * "0 of 1 — needs 1 more from security-approvers": only approvals that count toward the quorum are
 * counted (lib/approvals/approval-progress.ts), and what is still missing is said per group.
 */
export function ApprovalCount({ item }: { item: Pick<InboxItem, "approvalsHad" | "approvalsNeeded" | "stillNeeded" | "approvals"> }) {
  const notCounted = item.approvals.filter((approval) => approval.notCounted);
  return (
    <span className="flex flex-col gap-0.5">
      <span className="tabular-nums">
        {item.approvalsHad} of {item.approvalsNeeded}
        {item.stillNeeded && <span className="text-muted-foreground"> — {item.stillNeeded}</span>}
      </span>
      {notCounted.map((approval) => (
        <span key={`${approval.approver}-${approval.at}`} className="text-xs text-muted-foreground">
          {notCountedLabel(approval)}
        </span>
      ))}
    </span>
  );
}

/** "approved by cody, who filed it — not counted". */
export function notCountedLabel(approval: { approver: string; notCounted: InboxItem["approvals"][number]["notCounted"] }): string {
  return approval.notCounted === "filed the request"
    ? `approved by ${approval.approver}, who filed it — not counted`
    : `approved by ${approval.approver}, no longer an approver — not counted`;
}
