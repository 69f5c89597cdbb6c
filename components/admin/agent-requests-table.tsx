import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import type { AccessRequestDto } from "@/lib/requests/schemas";
import { formatDuration } from "@/lib/kernel/duration";
import type { ScopeRef } from "@/lib/scopes/scope-refs";
import { ScopeChipsCell } from "@/components/context/scope-chip";
import { StatusCell } from "./status-badge";

export function AgentRequestsTable({ requests, now }: { requests: (AccessRequestDto & { scopeRefs: ScopeRef[] })[]; now: number }) {
  return (
    <Table aria-label="Recent requests">
      <TableHeader>
        <TableRow>
          <TableHead>Status</TableHead>
          <TableHead>Scopes</TableHead>
          <TableHead>Duration</TableHead>
          <TableHead>Justification</TableHead>
          <TableHead>Filed</TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {requests.map((request) => (
          <TableRow key={request.id}>
            <StatusCell status={request.status} />
            <ScopeChipsCell scopes={request.scopeRefs} />
            <TableCell className="whitespace-nowrap">{formatDuration(request.durationSeconds)}</TableCell>
            <TableCell className="max-w-md">
              <p className="line-clamp-2">{request.justification}</p>
              {request.onBehalfOf && <p className="text-xs text-muted-foreground">for {request.onBehalfOf}</p>}
            </TableCell>
            <TimeCell at={request.createdAt} now={now} />
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
