import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, notFound } from "@/lib/kernel/errors";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";

/** Removes a provider no scope names and no principal of which may still exist on the target. */
export async function deleteCredentialProvider(options: { principal: PersonPrincipal; providerId: string; clock?: Clock }): Promise<void> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  await prisma.$transaction(async (tx) => {
    const provider = await tx.credentialProvider.findUnique({ where: { id: options.providerId }, include: { scopes: { select: { key: true } } } });
    if (!provider) throw notFound("The credential provider");
    if (provider.scopes.length > 0) throw conflict(`Scopes still mint credentials here: ${provider.scopes.map((s) => s.key).join(", ")}`);
    const remaining = await tx.issuedCredential.count({ where: { providerId: provider.id, droppedAt: null } });
    if (remaining > 0) throw conflict(`${remaining} credential(s) issued here are not removed yet; end their grants and wait for the clean-up`);
    await tx.issuedCredential.deleteMany({ where: { providerId: provider.id } });
    await tx.credentialProvider.delete({ where: { id: provider.id } });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "credential_provider.deleted",
      subject: { kind: "credential_provider", id: provider.id },
      data: { name: provider.name, kind: provider.kind },
      at: now,
    });
  });
}
