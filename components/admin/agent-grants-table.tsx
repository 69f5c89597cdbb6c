import { IncidentChip } from "@/components/context/incident-chip";
import { ScopeChipsCell } from "@/components/context/scope-chip";
import { TimeLeftBar } from "@/components/context/time-left-bar";
import { NoValue } from "@/components/ui/no-value";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { grantStateAt } from "@/lib/grants/grant-state-at";
import type { GrantDto } from "@/lib/grants/schemas";
import type { IncidentRef } from "@/lib/kernel/incident-ref";
import type { ScopeRef } from "@/lib/scopes/scope-refs";
import { StatusCell } from "./status-badge";

type AgentGrant = GrantDto & { incident: IncidentRef | null; scopeRefs: ScopeRef[] };

export function AgentGrantsTable({ grants, now }: { grants: AgentGrant[]; now: number }) {
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
            <ScopeChipsCell scopes={grant.scopeRefs} />
            <TableCell className="whitespace-nowrap">
              <RelativeTime at={grant.expiresAt} now={now} />
              <TimeLeftBar grant={grant} now={now} className="mt-1" />
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

function GrantContext({ grant }: { grant: AgentGrant }) {
  const parts = [grant.contextRef, grant.onBehalfOf && `for ${grant.onBehalfOf}`, grant.revokeReason && `revoked: ${grant.revokeReason}`].filter(
    (part): part is string => Boolean(part),
  );
  if (parts.length === 0 && !grant.incident) return <NoValue />;
  return (
    <ul className="flex flex-col gap-0.5">
      {grant.incident && (
        <li>
          <IncidentChip incident={grant.incident} />
        </li>
      )}
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ul>
  );
}
