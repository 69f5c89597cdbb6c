import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import type { WebhookEndpointDto } from "./schemas";
import { toWebhookEndpointDto } from "./to-webhook-dto";

export async function listWebhookEndpoints(options: { principal: PersonPrincipal }): Promise<WebhookEndpointDto[]> {
  requireAdmin(options.principal);
  const endpoints = await prisma.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" } });
  return endpoints.map(toWebhookEndpointDto);
}
