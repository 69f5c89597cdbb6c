import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent, type Actor } from "@/lib/audit/record-event";
import { liveOrUpcomingGrantWhere } from "@/lib/kernel/live-grant";

/**
 * Ends, at `at`, every grant matching `where` that is still in force then, each with its own audit event,
 * inside the caller's transaction. Returns the ids ended and the last audit sequence number written.
 */
export async function revokeMatchingGrants(tx: Tx, where: Prisma.GrantWhereInput, revocation: { actor: Actor; reason: string; at: Date }) {
  const { actor, reason, at } = revocation;
  const grants = await tx.grant.findMany({ where: { ...where, ...liveOrUpcomingGrantWhere(at) }, select: { id: true, agentId: true }, orderBy: { id: "asc" } });
  let lastSeq: bigint | null = null;
  for (const grant of grants) {
    // Guarded like revokeGrant: a row that ended meanwhile is left as it is and gets no event.
    const ended = await tx.grant.updateMany({
      where: { id: grant.id, status: "ACTIVE", revokedAt: null },
      data: { status: "REVOKED", revokedAt: at, revokedByKind: actor.kind, revokedById: actor.id, revokeReason: reason, updatedAt: at },
    });
    if (ended.count === 0) continue;
    lastSeq = (
      await recordEvent(tx, { actor, action: "grant.revoked", subject: { kind: "grant", id: grant.id }, agentId: grant.agentId, data: { reason }, at })
    ).seq;
  }
  return { grantIds: grants.map((g) => g.id), lastSeq };
}
