import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { GrantDto } from "@/lib/grants/schemas";
import { ScopeKeys } from "./scope-keys";
import { StatusBadge } from "./status-badge";

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
            <TableCell>
              <StatusBadge status={grant.status} />
            </TableCell>
            <TableCell>
              <ScopeKeys keys={grant.scopes} />
            </TableCell>
            <TableCell className="whitespace-nowrap">
              <RelativeTime at={grant.expiresAt} now={now} />
            </TableCell>
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
  if (parts.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="flex flex-col gap-0.5">
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ul>
  );
}
