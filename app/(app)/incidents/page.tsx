import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { SectionCard } from "@/components/admin/section-card";
import { IncidentsList } from "@/components/incidents/incidents-list";
import { OpenIncidentDialog } from "@/components/incidents/open-incident-dialog";
import { RegisterIntegrationDialog } from "@/components/incidents/register-integration-dialog";
import { RevokeIntegrationDialog } from "@/components/incidents/revoke-integration-dialog";
import { StatusCell } from "@/components/admin/status-badge";
import { queryKeys } from "@/components/live/query-keys";
import { Prefetched } from "@/components/requests/prefetched";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUserForPage } from "@/lib/auth/current-user";
import { mayAdminister, mayOpenIncidents } from "@/lib/authorization/rules";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { listIncidentIntegrations } from "@/lib/incidents/list-incident-integrations";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { listIncidentsQuery } from "@/lib/incidents/schemas";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserForPage();
  const parsed = listIncidentsQuery.safeParse(await searchParams);
  const status = parsed.success ? parsed.data.status : "all";
  const incidents = await listIncidents({ status });
  const runsIncidents = mayOpenIncidents(user);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Incidents" description="Authority handed out for an incident ends when it is resolved. Changes appear here as they happen.">
        {runsIncidents && <OpenIncidentDialog />}
      </PageHeader>
      <Prefetched queryKey={queryKeys.incidentList(status)} data={incidents}>
        <IncidentsList status={status} />
      </Prefetched>
      {mayAdminister(user) && <IncidentTools principal={user} />}
    </div>
  );
}

async function IncidentTools({ principal }: { principal: PersonPrincipal }) {
  const integrations = await listIncidentIntegrations({ principal });
  return (
    <SectionCard
      id="incident-tools"
      title="Incident tools"
      description="Tools that open and resolve incidents by signed webhook."
      actions={<RegisterIntegrationDialog />}
      empty={integrations.length === 0 && "No incident tool is registered."}
    >
      <Table aria-label="Incident tools">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Webhook</TableHead>
            <TableHead>API credential</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <tbody>
          {integrations.map((integration) => (
            <TableRow key={integration.id}>
              <TableCell className="font-medium">{integration.name}</TableCell>
              <TableCell className="font-mono text-xs">POST {integration.webhookPath}</TableCell>
              <TableCell className="font-mono text-xs">{integration.credentialPrefix}…</TableCell>
              <StatusCell status={integration.revokedAt ? "REVOKED" : "ACTIVE"} />
              <TableCell className="text-right">{!integration.revokedAt && <RevokeIntegrationDialog id={integration.id} name={integration.name} />}</TableCell>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </SectionCard>
  );
}
