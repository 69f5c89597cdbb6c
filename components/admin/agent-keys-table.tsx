import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AgentKeyDto } from "@/lib/agents/schemas";
import { cn } from "@/lib/cn";
import { RevokeKeyDialog, RotateKeyDialog } from "./agent-key-dialogs";
import { agentKeyLabel } from "./agent-key-label";

function Never() {
  return <span className="text-muted-foreground">never</span>;
}

/** `manageable`: the viewer is an admin and the agent is active, so live keys can be rotated and revoked. */
export function AgentKeysTable({ agentId, keys, now, manageable }: { agentId: string; keys: AgentKeyDto[]; now: number; manageable: boolean }) {
  return (
    <Table aria-label="Keys">
      <TableHeader>
        <TableRow>
          <TableHead>Key</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead>Revoked</TableHead>
          {manageable && (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <tbody>
        {keys.map((key) => {
          const live = !key.revokedAt && (!key.expiresAt || new Date(key.expiresAt).getTime() > now);
          return (
            <TableRow key={key.id} className={cn(!live && "text-muted-foreground")}>
              <TableCell className="font-mono text-xs leading-5 whitespace-nowrap">{agentKeyLabel(key.prefix)}</TableCell>
              <TableCell className="whitespace-nowrap">
                <RelativeTime at={key.createdAt} now={now} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{key.lastUsedAt ? <RelativeTime at={key.lastUsedAt} now={now} /> : <Never />}</TableCell>
              <TableCell className="whitespace-nowrap">{key.expiresAt ? <RelativeTime at={key.expiresAt} now={now} /> : <Never />}</TableCell>
              <TableCell className="whitespace-nowrap">{key.revokedAt ? <RelativeTime at={key.revokedAt} now={now} /> : "—"}</TableCell>
              {manageable && (
                <TableCell className="py-1.5">
                  {live && (
                    <div className="flex justify-end gap-1.5">
                      <RotateKeyDialog agentId={agentId} keyId={key.id} prefix={key.prefix} />
                      <RevokeKeyDialog agentId={agentId} keyId={key.id} prefix={key.prefix} />
                    </div>
                  )}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </tbody>
    </Table>
  );
}
