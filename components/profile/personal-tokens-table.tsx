import { StatusCell } from "@/components/admin/status-badge";
import { NoValue } from "@/components/ui/no-value";
import { ActionsHead, Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import { cn } from "@/lib/cn";
import type { PersonalTokenDto } from "@/lib/tokens/schemas";
import { RevokeTokenDialog } from "./revoke-token-dialog";

function statusOf(token: PersonalTokenDto, now: number) {
  if (token.revokedAt) return "REVOKED";
  return token.expiresAt && new Date(token.expiresAt).getTime() <= now ? "EXPIRED" : "ACTIVE";
}

export function PersonalTokensTable({ tokens, now }: { tokens: PersonalTokenDto[]; now: number }) {
  return (
    <Table aria-label="Personal tokens">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Token</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead>Expires</TableHead>
          <ActionsHead />
        </TableRow>
      </TableHeader>
      <tbody>
        {tokens.map((token) => {
          const status = statusOf(token, now);
          return (
            <TableRow key={token.id} className={cn(status !== "ACTIVE" && "text-muted-foreground")}>
              <TableCell className="font-medium">{token.name}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">{token.prefix}…</TableCell>
              <StatusCell status={status} />
              <TimeCell at={token.createdAt} now={now} />
              <TimeCell at={token.lastUsedAt} now={now} missing={<NoValue>never</NoValue>} />
              <TimeCell at={token.expiresAt} now={now} missing={<NoValue>never</NoValue>} />
              <TableCell className="py-1.5 text-right">{status === "ACTIVE" && <RevokeTokenDialog token={token} />}</TableCell>
            </TableRow>
          );
        })}
      </tbody>
    </Table>
  );
}
