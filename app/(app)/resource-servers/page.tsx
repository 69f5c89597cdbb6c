import type { Metadata } from "next";
import { CatalogPage } from "@/components/admin/catalog-page";
import { CreateResourceServerDialog } from "@/components/admin/create-resource-server-dialog";
import { RevokeResourceServerDialog, RotateResourceServerSecretDialog } from "@/components/admin/resource-server-secret-dialogs";
import { Badge } from "@/components/ui/badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUserForPage } from "@/lib/auth/current-user";
import { mayAdminister } from "@/lib/authorization/rules";
import { listResourceServers } from "@/lib/resource-servers/list-resource-servers";

export const metadata: Metadata = { title: "Resource servers" };

export default async function ResourceServersPage() {
  const viewer = await requireUserForPage();
  const servers = await listResourceServers();
  return (
    <CatalogPage
      title="Resource servers"
      description="The downstream tools that enforce grants: each is the audience of grant tokens and asks Baton for decisions."
      action={mayAdminister(viewer) && <CreateResourceServerDialog />}
      listTitle="All resource servers"
      empty={
        servers.length === 0 && {
          title: "No resource server is registered yet.",
          why: "Register the tools that should check each call against Baton: each gets a secret to ask for decisions and to verify grant tokens.",
        }
      }
    >
      <Table aria-label="Resource servers">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Audience</TableHead>
            <TableHead>Secret</TableHead>
            <TableHead>Scopes it enforces</TableHead>
            <TableHead>Created</TableHead>
            {mayAdminister(viewer) && <TableHead className="sr-only">Actions</TableHead>}
          </TableRow>
        </TableHeader>
        <tbody>
          {servers.map((server) => (
            <TableRow key={server.id} className={server.revokedAt ? "text-muted-foreground" : undefined}>
              <TableCell className="font-medium whitespace-nowrap">
                {server.name}
                {server.revokedAt && (
                  <Badge tone="danger" className="ml-2" title={server.revokedAt}>
                    revoked
                  </Badge>
                )}
              </TableCell>
              <TableCell className="font-mono text-xs">{server.audience}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                {server.secretPrefix}…
                {server.previousSecret && (
                  <div className="text-muted-foreground font-sans">
                    old {server.previousSecret.prefix}… accepted until{" "}
                    <time dateTime={server.previousSecret.acceptedUntil} title={server.previousSecret.acceptedUntil}>
                      {server.previousSecret.acceptedUntil.slice(11, 16)} UTC
                    </time>
                  </div>
                )}
              </TableCell>
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
              {mayAdminister(viewer) && (
                <TableCell className="whitespace-nowrap text-right">
                  {!server.revokedAt && (
                    <span className="inline-flex gap-2">
                      <RotateResourceServerSecretDialog id={server.id} name={server.name} />
                      <RevokeResourceServerDialog id={server.id} name={server.name} />
                    </span>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </tbody>
      </Table>
    </CatalogPage>
  );
}
