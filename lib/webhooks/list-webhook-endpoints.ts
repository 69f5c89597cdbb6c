import { prisma } from "@/lib/db";
import { requireAdmin, type PersonActor } from "@/lib/auth/actor";
import type { WebhookEndpointDto } from "./schemas";
import { toWebhookEndpointDto } from "./to-webhook-dto";

export async function listWebhookEndpoints(options: { actor: PersonActor }): Promise<WebhookEndpointDto[]> {
  requireAdmin(options.actor);
  const endpoints = await prisma.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" } });
  return endpoints.map(toWebhookEndpointDto);
}
