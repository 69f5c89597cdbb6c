import type { Metadata } from "next";
import Link from "next/link";
import { CatalogPage } from "@/components/admin/catalog-page";
import { RegisterAgentDialog } from "@/components/admin/register-agent-dialog";
import { TagBadges } from "@/components/admin/tag-badges";
import { StatusCell } from "@/components/admin/status-badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import { listAgentSummaries } from "@/lib/agents/list-agent-summaries";
import { requireUserForPage } from "@/lib/auth/current-user";
import { mayAdminister } from "@/lib/authorization/rules";
import { listScopes } from "@/lib/scopes/list-scopes";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  const viewer = await requireUserForPage();
  const isAdmin = mayAdminister(viewer);
  const [{ asOf, agents }, scopes] = await Promise.all([listAgentSummaries(), isAdmin ? listScopes() : []]);
  const now = new Date(asOf).getTime();
  return (
    <CatalogPage
      title="Agents"
      description="The non-human identities that ask Baton for access."
      action={isAdmin && <RegisterAgentDialog scopes={scopes} defaultOwnerEmail={viewer.email} />}
      listTitle="All agents"
      empty={
        agents.length === 0 && {
          title: "No agent is registered yet.",
          why: isAdmin
            ? "An agent is the identity an automation uses to ask for access. Register one owned by the person accountable for it, then issue it a key."
            : "An agent is the identity an automation uses to ask for access; an admin registers them.",
          holdsAction: true,
        }
      }
    >
      <Table aria-label="Agents">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Owner</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Eligible scopes</TableHead>
            <TableHead className="text-right">Active grants</TableHead>
            <TableHead>Created</TableHead>
          </TableRow>
        </TableHeader>
        <tbody>
          {agents.map((agent) => (
            <TableRow key={agent.id}>
              <TableCell>
                <Link href={`/agents/${agent.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  {agent.name}
                </Link>
                {agent.description && <p className="line-clamp-1 max-w-md text-xs text-muted-foreground">{agent.description}</p>}
                <TagBadges tags={agent.tags} label={`Tags of ${agent.name}`} />
              </TableCell>
              <TableCell>
                <p>{agent.owner.name}</p>
                <p className="text-xs text-muted-foreground">{agent.owner.email}</p>
              </TableCell>
              <StatusCell status={agent.status} />
              <TableCell className="text-right tabular-nums">{agent.eligibleScopes.length}</TableCell>
              <TableCell className="text-right tabular-nums">{agent.activeGrants}</TableCell>
              <TimeCell at={agent.createdAt} now={now} />
            </TableRow>
          ))}
        </tbody>
      </Table>
    </CatalogPage>
  );
}
