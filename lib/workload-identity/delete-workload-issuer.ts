import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { forgetIssuerKeys } from "./issuer-keys";

/** Removes an issuer and every agent binding to it: its tokens are refused from now on (access tokens already issued stop at their next use). */
export async function deleteWorkloadIssuer(options: { principal: PersonPrincipal; issuerId: string; clock?: Clock }): Promise<void> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  await prisma.$transaction(async (tx) => {
    const issuer = await tx.workloadIssuer.findUnique({ where: { id: options.issuerId }, include: { identities: { select: { id: true, agentId: true } } } });
    if (!issuer) throw notFound("The workload issuer");
    await tx.workloadIssuer.delete({ where: { id: issuer.id } });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "workload_issuer.deleted",
      subject: { kind: "workload_issuer", id: issuer.id },
      data: { name: issuer.name, issuer: issuer.issuer, federatedIdentities: issuer.identities.map((identity) => identity.id) },
      at: now,
    });
  });
  forgetIssuerKeys(options.issuerId);
}
