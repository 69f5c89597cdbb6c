import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { assertPublicWebhookUrl } from "@/lib/webhooks/outbound-address";
import type { CreateWorkloadIssuerBody, WorkloadIssuerDto } from "./schemas";
import { toWorkloadIssuerDto } from "./to-workload-dto";

/**
 * Registers a platform whose workload tokens Baton will exchange. Its discovery document and keys are
 * fetched when a token is first exchanged, under the outbound private-network rule, which is also
 * applied here to the addresses visible in the URLs.
 */
export async function createWorkloadIssuer(options: {
  principal: PersonPrincipal;
  input: CreateWorkloadIssuerBody;
  clock?: Clock;
}): Promise<WorkloadIssuerDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { name, issuer, audience, jwksUri } = options.input;
  assertPublicWebhookUrl(issuer, "issuer");
  if (jwksUri) assertPublicWebhookUrl(jwksUri, "jwksUri");
  return prisma.$transaction(async (tx) => {
    const clash = await tx.workloadIssuer.findFirst({ where: { OR: [{ name }, { issuer }] }, select: { name: true } });
    if (clash) throw conflict(clash.name === name ? `A workload issuer named ${name} already exists` : `The issuer ${issuer} is already registered`);
    const created = await tx.workloadIssuer.create({
      data: { id: newId("workloadIssuer"), name, issuer, audience, jwksUri: jwksUri ?? null, createdAt: now },
      include: { _count: { select: { identities: true } } },
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "workload_issuer.created",
      subject: { kind: "workload_issuer", id: created.id },
      data: { name, issuer, audience, jwksUri: jwksUri ?? null },
      at: now,
    });
    return toWorkloadIssuerDto(created);
  });
}
