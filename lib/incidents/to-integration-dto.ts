import type { IncidentIntegration } from "@/lib/generated/prisma/client";
import type { IntegrationDto } from "./schemas";

export const webhookPathOf = (slug: string) => `/api/v1/hooks/incidents/${slug}`;

export function toIntegrationDto(integration: IncidentIntegration): IntegrationDto {
  return {
    id: integration.id,
    slug: integration.slug,
    name: integration.name,
    webhookPath: webhookPathOf(integration.slug),
    credentialPrefix: integration.credentialPrefix,
    createdAt: integration.createdAt.toISOString(),
    revokedAt: integration.revokedAt?.toISOString() ?? null,
  };
}
