import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, notFound } from "@/lib/kernel/errors";
import type { IntegrationDto, RevokeIntegrationBody } from "./schemas";
import { toIntegrationDto } from "./to-integration-dto";

/**
 * Revokes an incident tool for good: its API credential and its signed webhooks are refused from the next
 * call (both are looked up on every call, never cached). Incidents it opened stay as they are; commanders
 * and admins can still run and resolve them.
 */
export async function revokeIncidentIntegration(options: {
  principal: PersonPrincipal;
  integrationId: string;
  input: RevokeIntegrationBody;
  clock?: Clock;
}): Promise<IntegrationDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.incidentIntegration.updateMany({ where: { id: options.integrationId, revokedAt: null }, data: { revokedAt: now } });
    const integration = await tx.incidentIntegration.findUnique({ where: { id: options.integrationId } });
    if (!integration) throw notFound("The incident integration");
    if (revoked.count === 0) throw conflict(`The incident integration ${integration.slug} is already revoked`);
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "incident_integration.revoked",
      subject: { kind: "incident_integration", id: integration.id },
      data: { slug: integration.slug, reason: options.input.reason },
      at: now,
    });
    return toIntegrationDto(integration);
  });
}
