import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";

/** Unbinds a workload identity: its tokens are refused, and access tokens issued through it stop at their next use. */
export async function removeFederatedIdentity(options: { principal: PersonPrincipal; agentId: string; identityId: string; clock?: Clock }): Promise<void> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  await prisma.$transaction(async (tx) => {
    const identity = await tx.federatedIdentity.findFirst({ where: { id: options.identityId, agentId: options.agentId }, include: { issuer: true } });
    if (!identity) throw notFound("The federated identity");
    await tx.federatedIdentity.delete({ where: { id: identity.id } });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "agent.federated_identity_removed",
      subject: { kind: "federated_identity", id: identity.id },
      agentId: identity.agentId,
      data: { issuer: identity.issuer.issuer, subject: identity.subject, claims: identity.claims },
      at: now,
    });
  });
}
