import type { WebhookDelivery, WebhookEndpoint } from "@/lib/generated/prisma/client";
import type { WebhookDeliveryDto, WebhookEndpointDto } from "./schemas";

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toWebhookEndpointDto(endpoint: WebhookEndpoint): WebhookEndpointDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    secretPrefix: endpoint.secretPrefix,
    disabled: endpoint.disabled,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

export function toWebhookDeliveryDto(delivery: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: delivery.id,
    eventType: delivery.eventType,
    eventSeq: delivery.eventSeq?.toString() ?? null,
    status: delivery.status,
    attempts: delivery.attempts,
    lastAttemptAt: iso(delivery.lastAttemptAt),
    lastResponseStatus: delivery.lastResponseStatus,
    lastError: delivery.lastError,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    deliveredAt: iso(delivery.deliveredAt),
    createdAt: delivery.createdAt.toISOString(),
  };
}
