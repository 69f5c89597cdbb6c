import type { Metadata } from "next";
import Link from "next/link";
import { CatalogPage } from "@/components/admin/catalog-page";
import { Badge } from "@/components/ui/badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CreateWebhookDialog } from "@/components/webhooks/create-webhook-dialog";
import { requirePageAccess } from "@/lib/auth/current-user";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const viewer = await requirePageAccess("/webhooks");
  const endpoints = await listWebhookEndpoints({ principal: viewer });
  return (
    <CatalogPage
      title="Webhooks"
      description="Outbound endpoints told about audit events as they happen, signed per Standard Webhooks and retried with backoff."
      action={<CreateWebhookDialog />}
      listTitle="Endpoints"
      empty={
        endpoints.length === 0 && {
          title: "No webhook endpoint is registered yet.",
          why: "Add one to tell your own systems about requests, grants and incidents as they happen.",
        }
      }
    >
      <Table aria-label="Webhook endpoints">
        <TableHeader>
          <TableRow>
            <TableHead>URL</TableHead>
            <TableHead>Events</TableHead>
            <TableHead>Secret</TableHead>
            <TableHead>State</TableHead>
            <TableHead>Description</TableHead>
          </TableRow>
        </TableHeader>
        <tbody>
          {endpoints.map((endpoint) => (
            <TableRow key={endpoint.id}>
              <TableCell className="font-mono text-xs">
                <Link href={`/webhooks/${endpoint.id}`} className="text-primary underline-offset-4 hover:underline">
                  {endpoint.url}
                </Link>
              </TableCell>
              <TableCell className="font-mono text-xs">{endpoint.eventTypes.join(", ")}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">{endpoint.secretPrefix}…</TableCell>
              <TableCell>{endpoint.disabled ? <Badge tone="neutral">disabled</Badge> : <Badge tone="success">enabled</Badge>}</TableCell>
              <TableCell className="max-w-sm text-muted-foreground">{endpoint.description}</TableCell>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </CatalogPage>
  );
}
