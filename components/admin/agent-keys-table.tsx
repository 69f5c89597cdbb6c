import { NoValue } from "@/components/ui/no-value";
import { ActionsHead, Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import type { AgentKeyDto } from "@/lib/agents/schemas";
import { cn } from "@/lib/cn";
import { RevokeKeyDialog, RotateKeyDialog } from "./agent-key-dialogs";
import { agentKeyLabel } from "./agent-key-label";

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
          {manageable && <ActionsHead />}
        </TableRow>
      </TableHeader>
      <tbody>
        {keys.map((key) => {
          const live = !key.revokedAt && (!key.expiresAt || new Date(key.expiresAt).getTime() > now);
          return (
            <TableRow key={key.id} className={cn(!live && "text-muted-foreground")}>
              <TableCell className="font-mono text-xs leading-5 whitespace-nowrap">{agentKeyLabel(key.prefix)}</TableCell>
              <TimeCell at={key.createdAt} now={now} />
              <TimeCell at={key.lastUsedAt} now={now} missing={<NoValue>never</NoValue>} />
              <TimeCell at={key.expiresAt} now={now} missing={<NoValue>never</NoValue>} />
              <TimeCell at={key.revokedAt} now={now} missing="—" />
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
