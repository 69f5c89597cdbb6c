import { StatusBadge } from "@/components/admin/status-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { PersonalTokenDto } from "@/lib/tokens/schemas";
import { RevokeTokenDialog } from "./revoke-token-dialog";

function statusOf(token: PersonalTokenDto, now: number) {
  if (token.revokedAt) return "REVOKED";
  return token.expiresAt && new Date(token.expiresAt).getTime() <= now ? "EXPIRED" : "ACTIVE";
}

const Never = () => <span className="text-muted-foreground">never</span>;

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
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <tbody>
        {tokens.map((token) => {
          const status = statusOf(token, now);
          return (
            <TableRow key={token.id} className={cn(status !== "ACTIVE" && "text-muted-foreground")}>
              <TableCell className="font-medium">{token.name}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">{token.prefix}…</TableCell>
              <TableCell>
                <StatusBadge status={status} />
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <RelativeTime at={token.createdAt} now={now} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{token.lastUsedAt ? <RelativeTime at={token.lastUsedAt} now={now} /> : <Never />}</TableCell>
              <TableCell className="whitespace-nowrap">{token.expiresAt ? <RelativeTime at={token.expiresAt} now={now} /> : <Never />}</TableCell>
              <TableCell className="py-1.5 text-right">{status === "ACTIVE" && <RevokeTokenDialog token={token} />}</TableCell>
            </TableRow>
          );
        })}
      </tbody>
    </Table>
  );
}
