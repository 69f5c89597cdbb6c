import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent, type Actor } from "@/lib/audit/record-event";
import { liveOrUpcomingGrantWhere } from "@/lib/kernel/live-grant";

/** Ends, at `at`, every grant matching `where` that is still in force then, each with its own audit event. */
export async function revokeActiveGrants(tx: Tx, where: Prisma.GrantWhereInput, revocation: { actor: Actor; reason: string; at: Date }) {
  const { actor, reason, at } = revocation;
  const grants = await tx.grant.findMany({ where: { ...where, ...liveOrUpcomingGrantWhere(at) }, select: { id: true, agentId: true } });
  for (const grant of grants) {
    await tx.grant.update({
      where: { id: grant.id },
      data: { status: "REVOKED", revokedAt: at, revokedByKind: actor.kind, revokedById: actor.id, revokeReason: reason, updatedAt: at },
    });
    await recordEvent(tx, { actor, action: "grant.revoked", subject: { kind: "grant", id: grant.id }, data: { agentId: grant.agentId, reason }, at });
  }
}
