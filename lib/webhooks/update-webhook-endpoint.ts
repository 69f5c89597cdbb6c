import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { assertPublicWebhookUrl } from "./outbound-address";
import type { UpdateWebhookEndpointBody, WebhookEndpointDto } from "./schemas";
import { toWebhookEndpointDto } from "./to-webhook-dto";

/** Changes an endpoint's URL, description, filter or enablement; disabling also drops its pending deliveries. */
export async function updateWebhookEndpoint(options: {
  principal: PersonPrincipal;
  endpointId: string;
  input: UpdateWebhookEndpointBody;
  clock?: Clock;
}): Promise<WebhookEndpointDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { eventTypes, ...rest } = options.input;
  if (rest.url !== undefined) assertPublicWebhookUrl(rest.url, "url");
  return prisma.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id: options.endpointId } });
    if (!before) throw notFound("The webhook endpoint");
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: before.id },
      data: { ...rest, ...(eventTypes && { eventTypes: [...new Set(eventTypes)] }), updatedAt: now },
    });
    if (endpoint.disabled && !before.disabled)
      await tx.webhookDelivery.updateMany({
        where: { endpointId: endpoint.id, status: "PENDING" },
        data: { status: "FAILED", lastError: "The endpoint was disabled", nextAttemptAt: null },
      });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "webhook.updated",
      subject: { kind: "webhook", id: endpoint.id },
      data: { changed: Object.keys(options.input) },
      at: now,
    });
    return toWebhookEndpointDto(endpoint);
  });
}
