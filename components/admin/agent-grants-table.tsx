import { NoValue } from "@/components/ui/no-value";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import { grantStateAt } from "@/lib/grants/grant-state-at";
import type { GrantDto } from "@/lib/grants/schemas";
import { ScopeKeysCell } from "./scope-keys";
import { StatusCell } from "./status-badge";

export function AgentGrantsTable({ grants, now }: { grants: GrantDto[]; now: number }) {
  return (
    <Table aria-label="Recent grants">
      <TableHeader>
        <TableRow>
          <TableHead>Status</TableHead>
          <TableHead>Scopes</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead>Context</TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {grants.map((grant) => (
          <TableRow key={grant.id}>
            <StatusCell status={grantStateAt(grant, now)} />
            <ScopeKeysCell keys={grant.scopes} />
            <TimeCell at={grant.expiresAt} now={now} />
            <TableCell className="text-xs">
              <GrantContext grant={grant} />
            </TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}

function GrantContext({ grant }: { grant: GrantDto }) {
  const parts = [
    grant.incidentId && `incident ${grant.incidentId}`,
    grant.contextRef,
    grant.onBehalfOf && `for ${grant.onBehalfOf}`,
    grant.revokeReason && `revoked: ${grant.revokeReason}`,
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return <NoValue />;
  return (
    <ul className="flex flex-col gap-0.5">
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ul>
  );
}
