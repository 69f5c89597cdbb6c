import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { newId } from "@/lib/kernel/ids";
import { assertPublicWebhookUrl } from "./outbound-address";
import type { CreatedWebhookEndpointDto, CreateWebhookEndpointBody } from "./schemas";
import { toWebhookEndpointDto } from "./to-webhook-dto";
import { endpointSecretRow, generateWebhookSecret, sealForRow } from "./webhook-secret";

/** Registers an outbound webhook. Its signing secret is returned once and stored sealed (it is needed to sign). */
export async function createWebhookEndpoint(options: {
  principal: PersonPrincipal;
  input: CreateWebhookEndpointBody;
  clock?: Clock;
}): Promise<CreatedWebhookEndpointDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { url, description, eventTypes } = options.input;
  assertPublicWebhookUrl(url, "url");
  const id = newId("webhookEndpoint");
  const { secret, shownPrefix } = generateWebhookSecret();
  return prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        id,
        url,
        description,
        eventTypes: [...new Set(eventTypes)],
        secretSealed: sealForRow(secret, endpointSecretRow(id)),
        secretPrefix: shownPrefix,
        createdAt: now,
        updatedAt: now,
      },
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "webhook.created",
      subject: { kind: "webhook", id },
      data: { url, eventTypes: endpoint.eventTypes, secretPrefix: shownPrefix },
      at: now,
    });
    return { ...toWebhookEndpointDto(endpoint), secret };
  });
}
