import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { sha256Hex } from "@/lib/crypto/secrets";
import { conflict } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { generateIntegrationCredential } from "./integration-credential-format";
import { generateWebhookSecret, sealWebhookSecret } from "./integration-webhook-secret";
import type { CreatedIntegrationDto, CreateIntegrationBody } from "./schemas";
import { toIntegrationDto } from "./to-integration-dto";

/**
 * Registers an incident tool. Its webhook signing secret (kept encrypted) and API credential (kept as
 * SHA-256) are returned this once.
 */
export async function createIncidentIntegration(options: {
  principal: PersonPrincipal;
  input: CreateIntegrationBody;
  clock?: Clock;
}): Promise<CreatedIntegrationDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { slug, name } = options.input;
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.incidentIntegration.findUnique({ where: { slug }, select: { id: true } }))
        throw conflict(`An incident integration named ${slug} already exists`);
      const id = newId("incidentIntegration");
      const webhookSecret = generateWebhookSecret();
      const { credential, shownPrefix } = generateIntegrationCredential();
      const integration = await tx.incidentIntegration.create({
        data: {
          id,
          slug,
          name,
          webhookSecretSealed: sealWebhookSecret(id, webhookSecret),
          credentialHash: sha256Hex(credential),
          credentialPrefix: shownPrefix,
          createdAt: now,
        },
      });
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "incident_integration.created",
        subject: { kind: "incident_integration", id },
        data: { slug, name, credentialPrefix: shownPrefix },
        at: now,
      });
      return { ...toIntegrationDto(integration), webhookSecret, credential };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw conflict(`An incident integration named ${slug} already exists`);
    throw error;
  }
}
