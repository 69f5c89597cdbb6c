import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { WebhookEndpointDetailDto } from "./schemas";
import { toWebhookDeliveryDto, toWebhookEndpointDto } from "./to-webhook-dto";

/** An endpoint with its newest deliveries (the delivery log). */
export async function getWebhookEndpoint(options: { principal: PersonPrincipal; endpointId: string; clock?: Clock }): Promise<WebhookEndpointDetailDto> {
  requireAdmin(options.principal);
  const asOf = (options.clock ?? systemClock).now();
  const endpoint = await prisma.webhookEndpoint.findUnique({
    where: { id: options.endpointId },
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: 50 } },
  });
  if (!endpoint) throw notFound("The webhook endpoint");
  return { ...toWebhookEndpointDto(endpoint), deliveries: endpoint.deliveries.map(toWebhookDeliveryDto), asOf: asOf.toISOString() };
}
