import type { Metadata } from "next";
import { DetailHeader } from "@/components/admin/detail-header";
import { NotFoundNotice } from "@/components/admin/not-found-notice";
import { SectionCard } from "@/components/admin/section-card";
import { Badge } from "@/components/ui/badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeCell } from "@/components/ui/time-cell";
import { RefreshWhilePending } from "@/components/webhooks/refresh-while-pending";
import { DeleteWebhookDialog, EditWebhookDialog, SendTestEventButton } from "@/components/webhooks/webhook-endpoint-actions";
import { requirePageAccess } from "@/lib/auth/current-user";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { AppError } from "@/lib/kernel/errors";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import type { WebhookDeliveryDto } from "@/lib/webhooks/schemas";

export const metadata: Metadata = { title: "Webhook endpoint" };

const STATUS_TONE = { PENDING: "warning", DELIVERED: "success", FAILED: "danger" } as const;

function Outcome({ delivery }: { delivery: WebhookDeliveryDto }) {
  if (delivery.lastError) return <span className="text-destructive">{delivery.lastError}</span>;
  if (delivery.lastResponseStatus) return <span>HTTP {delivery.lastResponseStatus}</span>;
  return <span className="text-muted-foreground">not tried yet</span>;
}

async function loadEndpoint(viewer: PersonPrincipal, id: string) {
  try {
    return await getWebhookEndpoint({ principal: viewer, endpointId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageAccess("/webhooks");
  const endpoint = await loadEndpoint(viewer, (await params).id);
  if (!endpoint)
    return <NotFoundNotice title="Webhook endpoint not found" detail="It may have been deleted." backHref="/webhooks" backLabel="All webhook endpoints" />;
  const now = new Date(endpoint.asOf).getTime();
  return (
    <div className="flex flex-col gap-5">
      <DetailHeader
        listHref="/webhooks"
        listLabel="Webhooks"
        title={
          <>
            <span className="font-mono text-base">{endpoint.url}</span>{" "}
            {endpoint.disabled ? <Badge tone="neutral">disabled</Badge> : <Badge tone="success">enabled</Badge>}
          </>
        }
        description={endpoint.description || undefined}
      >
        {!endpoint.disabled && <SendTestEventButton endpointId={endpoint.id} />}
        <EditWebhookDialog endpoint={endpoint} />
        <DeleteWebhookDialog endpoint={endpoint} />
      </DetailHeader>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-muted-foreground">Events</dt>
        <dd className="font-mono text-xs">{endpoint.eventTypes.join(", ")}</dd>
        <dt className="text-muted-foreground">Signing secret</dt>
        <dd className="font-mono text-xs">{endpoint.secretPrefix}… (shown once when the endpoint was added)</dd>
      </dl>
      <RefreshWhilePending pending={endpoint.deliveries.some((delivery) => delivery.status === "PENDING")} />
      <SectionCard
        title="Delivery log"
        description="The 50 newest deliveries. Up to 5 attempts each: at once, then after 30 s, 2 min, 8 min and 32 min."
        empty={endpoint.deliveries.length === 0 && "Nothing has been sent to this endpoint yet."}
      >
        <Table aria-label="Delivery log">
          <TableHeader>
            <TableRow>
              <TableHead>Event</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Attempts</TableHead>
              <TableHead>Last answer</TableHead>
              <TableHead>Last attempt</TableHead>
              <TableHead>Next attempt</TableHead>
              <TableHead>Message id</TableHead>
            </TableRow>
          </TableHeader>
          <tbody>
            {endpoint.deliveries.map((delivery) => (
              <TableRow key={delivery.id}>
                <TableCell className="font-mono text-xs whitespace-nowrap">{delivery.eventType}</TableCell>
                <TableCell>
                  <Badge tone={STATUS_TONE[delivery.status]}>{delivery.status.toLowerCase()}</Badge>
                </TableCell>
                <TableCell>{delivery.attempts}</TableCell>
                <TableCell className="text-xs">
                  <Outcome delivery={delivery} />
                </TableCell>
                <TimeCell at={delivery.lastAttemptAt} now={now} missing="—" />
                <TimeCell at={delivery.nextAttemptAt} now={now} missing="—" />
                <TableCell className="font-mono text-xs">{delivery.id}</TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </SectionCard>
    </div>
  );
}
