import type { Metadata } from "next";
import { CreateResourceServerDialog } from "@/components/admin/create-resource-server-dialog";
import { PageHeader } from "@/components/admin/page-header";
import { SectionCard } from "@/components/admin/section-card";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUserForPage } from "@/lib/auth/current-user";
import { listResourceServers } from "@/lib/resource-servers/list-resource-servers";

export const metadata: Metadata = { title: "Resource servers" };

export default async function ResourceServersPage() {
  const viewer = await requireUserForPage();
  const servers = await listResourceServers();
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Resource servers" description="The downstream tools that enforce grants: each is the audience of grant tokens and asks Baton for decisions.">
        {viewer.role === "ADMIN" && <CreateResourceServerDialog />}
      </PageHeader>
      <SectionCard title="All resource servers" empty={servers.length === 0 && "No resource server is registered yet."}>
        <Table aria-label="Resource servers">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Audience</TableHead>
              <TableHead>Secret</TableHead>
              <TableHead>Scopes it enforces</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <tbody>
            {servers.map((server) => (
              <TableRow key={server.id}>
                <TableCell className="font-medium whitespace-nowrap">{server.name}</TableCell>
                <TableCell className="font-mono text-xs">{server.audience}</TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">{server.secretPrefix}…</TableCell>
                <TableCell>
                  {server.scopes.length === 0 ? (
                    <span className="text-muted-foreground">None yet: set it as a scope&apos;s resource server</span>
                  ) : (
                    <ul className="flex flex-col gap-0.5 font-mono text-xs">
                      {server.scopes.map((scope) => (
                        <li key={scope}>{scope}</li>
                      ))}
                    </ul>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={server.createdAt} title={server.createdAt}>
                    {server.createdAt.slice(0, 10)}
                  </time>
                </TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </SectionCard>
    </div>
  );
}
