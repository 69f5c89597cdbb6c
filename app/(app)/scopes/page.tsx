import type { Metadata } from "next";
import { CatalogPage } from "@/components/admin/catalog-page";
import { RiskBadge } from "@/components/admin/risk-badge";
import { ScopeDialog } from "@/components/admin/scope-dialog";
import { TagBadges } from "@/components/admin/tag-badges";
import { ActionsHead, Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUserForPage } from "@/lib/auth/current-user";
import { mayAdminister } from "@/lib/authorization/rules";
import { listGroups } from "@/lib/groups/list-groups";
import { listResourceServers } from "@/lib/resource-servers/list-resource-servers";
import { formatDuration } from "@/lib/kernel/duration";
import { listScopes } from "@/lib/scopes/list-scopes";
import { listCredentialProviders } from "@/lib/credentials/list-credential-providers";

export const metadata: Metadata = { title: "Scopes" };

export default async function ScopesPage() {
  const viewer = await requireUserForPage();
  const isAdmin = mayAdminister(viewer);
  const [scopes, groups, servers, credentialProviders] = await Promise.all([
    listScopes(),
    isAdmin ? listGroups() : [],
    isAdmin ? listResourceServers() : [],
    isAdmin ? listCredentialProviders({ principal: viewer }) : [],
  ]);
  const providers = credentialProviders.map((provider) => ({ name: provider.name, kind: provider.kind }));
  const groupNames = groups.map((group) => group.name);
  const audiences = servers.filter((server) => !server.revokedAt).map((server) => server.audience);
  return (
    <CatalogPage
      title="Scopes"
      description="The catalog of access agents can ask for, and who decides."
      action={isAdmin && <ScopeDialog groupNames={groupNames} audiences={audiences} providers={providers} />}
      listTitle="Catalog"
      empty={
        scopes.length === 0 && {
          title: "The catalog is empty.",
          why: isAdmin
            ? "Agents can only ask for scopes in the catalog. Add one, and choose the approver group that decides it."
            : "Agents can only ask for scopes in the catalog; an admin adds them.",
          holdsAction: true,
        }
      }
    >
      <Table aria-label="Scopes">
        <TableHeader>
          <TableRow>
            <TableHead>Key</TableHead>
            <TableHead>Description</TableHead>
            <TableHead>Risk</TableHead>
            <TableHead>Max duration</TableHead>
            <TableHead className="text-right">Approvals</TableHead>
            <TableHead>Approver group</TableHead>
            <TableHead>Auto-approve</TableHead>
            <TableHead>Enforced by</TableHead>
            {isAdmin && <ActionsHead />}
          </TableRow>
        </TableHeader>
        <tbody>
          {scopes.map((scope) => (
            <TableRow key={scope.key}>
              <TableCell className="font-mono text-xs leading-5 whitespace-nowrap">
                {scope.key}
                <TagBadges tags={scope.tags} label={`Tags of ${scope.key}`} />
              </TableCell>
              <TableCell className="max-w-sm text-muted-foreground">{scope.description}</TableCell>
              <TableCell>
                <RiskBadge risk={scope.risk} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDuration(scope.maxDurationSeconds)}</TableCell>
              <TableCell className="text-right tabular-nums">{scope.approvalsRequired}</TableCell>
              <TableCell>{scope.approverGroup ?? <span className="text-muted-foreground">none</span>}</TableCell>
              <TableCell>{scope.autoApprove ? "yes" : <span className="text-muted-foreground">no</span>}</TableCell>
              <TableCell className="font-mono text-xs">
                {scope.resourceServer ?? (!scope.credentials && <span className="font-sans text-muted-foreground">none</span>)}
                {scope.credentials && (
                  <div title={scope.credentials.privileges.join("\n")}>
                    <span className="font-sans text-muted-foreground">credentials in </span>
                    {scope.credentials.provider}
                  </div>
                )}
              </TableCell>
              {isAdmin && (
                <TableCell className="py-1.5 text-right">
                  <ScopeDialog scope={scope} groupNames={groupNames} audiences={audiences} providers={providers} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </tbody>
      </Table>
    </CatalogPage>
  );
}
