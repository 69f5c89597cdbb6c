import type { Metadata } from "next";
import { CatalogPage } from "@/components/admin/catalog-page";
import { CheckCredentialProviderDialog, CreateCredentialProviderDialog, DeleteCredentialProviderDialog } from "@/components/admin/credential-provider-dialogs";
import { Badge } from "@/components/ui/badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePageAccess } from "@/lib/auth/current-user";
import { listCredentialProviders } from "@/lib/credentials/list-credential-providers";

export const metadata: Metadata = { title: "Credential providers" };

export default async function CredentialProvidersPage() {
  const viewer = await requirePageAccess("/credential-providers");
  const providers = await listCredentialProviders({ principal: viewer });
  return (
    <CatalogPage
      title="Credential providers"
      description="Databases, caches and queues Baton mints a short-lived user in for each grant whose scopes name them; the user is removed, and its sessions cut, when the grant ends."
      action={<CreateCredentialProviderDialog />}
      listTitle="All credential providers"
      empty={
        providers.length === 0 && {
          title: "No credential provider is registered yet.",
          why: "Register a PostgreSQL, MariaDB, Redis or RabbitMQ server, then give a scope privileges in it: agents granted that scope get their own user, only for as long as the grant lasts.",
        }
      }
    >
      <Table aria-label="Credential providers">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Kind</TableHead>
            <TableHead>Connection</TableHead>
            <TableHead>Scopes</TableHead>
            <TableHead className="text-right">Credentials</TableHead>
            <TableHead>Last check</TableHead>
            <TableHead className="sr-only">Actions</TableHead>
          </TableRow>
        </TableHeader>
        <tbody>
          {providers.map((provider) => (
            <TableRow key={provider.id}>
              <TableCell className="font-medium whitespace-nowrap">{provider.name}</TableCell>
              <TableCell>{provider.kind}</TableCell>
              <TableCell className="font-mono text-xs">
                {provider.connection.user}@{provider.connection.host}:{provider.connection.port}
                {provider.connection.database && `/${provider.connection.database}`}
                <div className="font-sans text-muted-foreground">users named {provider.namePrefix}…</div>
              </TableCell>
              <TableCell>
                {provider.scopes.length === 0 ? (
                  <span className="text-muted-foreground">None yet: give a scope privileges here</span>
                ) : (
                  <ul className="flex flex-col gap-0.5 font-mono text-xs">
                    {provider.scopes.map((scope) => (
                      <li key={scope}>{scope}</li>
                    ))}
                  </ul>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums whitespace-nowrap">
                {provider.activeCredentials} active
                {provider.cleanupPending > 0 && (
                  <Badge tone="warning" className="ml-2">
                    {provider.cleanupPending} cleanup pending
                  </Badge>
                )}
              </TableCell>
              <TableCell className="text-xs">
                {provider.lastCheckError ? (
                  <Badge tone="danger" title={provider.lastCheckError}>
                    failing
                  </Badge>
                ) : (
                  <Badge tone="success">ok</Badge>
                )}
                {provider.lastCheckedAt && (
                  <time className="ml-2 text-muted-foreground" dateTime={provider.lastCheckedAt} title={provider.lastCheckedAt}>
                    {provider.lastCheckedAt.slice(0, 16).replace("T", " ")} UTC
                  </time>
                )}
                {provider.lastCheckError && <div className="mt-1 max-w-xs text-muted-foreground">{provider.lastCheckError}</div>}
              </TableCell>
              <TableCell className="whitespace-nowrap text-right">
                <span className="inline-flex gap-2">
                  <CheckCredentialProviderDialog id={provider.id} name={provider.name} />
                  <DeleteCredentialProviderDialog id={provider.id} name={provider.name} />
                </span>
              </TableCell>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </CatalogPage>
  );
}
