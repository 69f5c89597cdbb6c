import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, notFound } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import type { WebhookDeliveryDto } from "./schemas";
import { toWebhookDeliveryDto } from "./to-webhook-dto";
import { TEST_EVENT_TYPE, testPayload } from "./webhook-payload";

/**
 * Queues a `webhook.test` delivery to the endpoint, signed and retried like any other. The running job
 * runner sends it on its next sweep or as soon as it is woken; the delivery log shows the outcome.
 */
export async function sendTestEvent(options: { principal: PersonPrincipal; endpointId: string; clock?: Clock }): Promise<WebhookDeliveryDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const endpoint = await prisma.webhookEndpoint.findUnique({ where: { id: options.endpointId } });
  if (!endpoint) throw notFound("The webhook endpoint");
  if (endpoint.disabled) throw conflict("The endpoint is disabled");
  const delivery = await prisma.webhookDelivery.create({
    data: {
      id: newId("webhookDelivery"),
      endpointId: endpoint.id,
      eventType: TEST_EVENT_TYPE,
      payload: testPayload(endpoint.id, now),
      nextAttemptAt: now,
      createdAt: now,
    },
  });
  return toWebhookDeliveryDto(delivery);
}
