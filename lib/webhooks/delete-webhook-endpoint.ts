import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";

/** Removes an endpoint with its delivery log; the audit log keeps that it existed. */
export async function deleteWebhookEndpoint(options: { principal: PersonPrincipal; endpointId: string; clock?: Clock }): Promise<void> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  await prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: options.endpointId } });
    if (!endpoint) throw notFound("The webhook endpoint");
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "webhook.deleted",
      subject: { kind: "webhook", id: endpoint.id },
      data: { url: endpoint.url },
      at: now,
    });
  });
}
