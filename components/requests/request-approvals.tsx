import { ScopeKeys } from "@/components/admin/scope-keys";
import { Badge } from "@/components/ui/badge";
import { NoValue } from "@/components/ui/no-value";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import { formatDuration } from "@/lib/kernel/duration";
import type { RequestDetail } from "./request-queries";
import { ConstraintList } from "./constraint-list";

/** Each approver's decision, with what they narrowed the request to; approvals that do not count toward the quorum say why. */
export function RequestApprovals({ approvals, now }: { approvals: RequestDetail["approvals"]; now: number }) {
  return (
    <Table aria-label="Approvals">
      <TableHeader>
        <TableRow>
          <TableHead>Approver</TableHead>
          <TableHead>Decision</TableHead>
          <TableHead>Narrowed to</TableHead>
          <TableHead>Comment</TableHead>
          <TableHead>When</TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {approvals.map((approval) => (
          <TableRow key={`${approval.approver}-${approval.at}`}>
            <TableCell>
              {approval.approver}
              {approval.notCounted && (
                <p className="text-xs text-muted-foreground">
                  {approval.notCounted === "filed the request" ? "filed the request — not counted" : "no longer an approver — not counted"}
                </p>
              )}
            </TableCell>
            <TableCell>
              <Badge tone={approval.decision === "APPROVE" ? "success" : "danger"}>{approval.decision === "APPROVE" ? "approved" : "denied"}</Badge>
            </TableCell>
            <TableCell className="text-xs">
              {approval.narrowedScopes.length === 0 && approval.narrowedDurationSeconds === null && !approval.narrowedAuthorizationDetails && <NoValue />}
              {approval.narrowedScopes.length > 0 && <ScopeKeys keys={approval.narrowedScopes} />}
              {approval.narrowedDurationSeconds !== null && <p className="mt-1">{formatDuration(approval.narrowedDurationSeconds)}</p>}
              {approval.narrowedAuthorizationDetails && (
                <div className="mt-1">
                  <ConstraintList constraints={approval.narrowedAuthorizationDetails} label={`Constraints ${approval.approver} narrowed to`} />
                </div>
              )}
            </TableCell>
            <TableCell className="max-w-sm whitespace-pre-line wrap-break-word">{approval.comment || <NoValue />}</TableCell>
            <TimeCell at={approval.at} now={now} />
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
