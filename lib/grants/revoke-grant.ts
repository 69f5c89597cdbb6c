import { prisma, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditActor, type PersonActor } from "@/lib/auth/actor";
import { actorName } from "@/lib/audit/actor-name";
import { recordEvent, type Actor } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, notFound } from "@/lib/kernel/errors";
import { awaitChangeHeard } from "@/lib/events/change-feed";
import { liveOrUpcomingGrantWhere } from "@/lib/kernel/live-grant";
import { effectiveGrantState } from "./grant-validity";
import type { GrantDto } from "./schemas";
import { grantInclude, toGrantDto } from "./to-grant-dto";

/** Who is revoking: the agent itself (releasing its own grant early) or a person. */
export type GrantRevoker = { kind: "agent"; agentId: string } | { kind: "person"; person: PersonActor };

/**
 * The grants a revoker may end, as a query condition — so "not yours" reads exactly like "not found":
 * an agent its own; a person any grant if admin, else those of the agents they own and those holding a
 * scope their approver group decides.
 */
export async function revocableBy(tx: Tx, revoker: GrantRevoker): Promise<Prisma.GrantWhereInput> {
  if (revoker.kind === "agent") return { agentId: revoker.agentId };
  if (revoker.person.role === "ADMIN") return {};
  const decided = await tx.scope.findMany({ where: { approverGroup: { members: { some: { userId: revoker.person.userId } } } }, select: { key: true } });
  return { OR: [{ agent: { ownerId: revoker.person.userId } }, { scopes: { hasSome: decided.map((scope) => scope.key) } }] };
}

const actorOf = (revoker: GrantRevoker): Actor => (revoker.kind === "agent" ? { kind: "AGENT", id: revoker.agentId } : auditActor(revoker.person));

/**
 * Ends a grant now, with its audit event in the same transaction. It answers once this process has heard
 * its own announcement, so a decision asked here right after it returns already denies; other instances
 * deny as soon as the announcement reaches them. A grant that has already ended (revoked or expired) is
 * a 409 that says how.
 */
export async function revokeGrant(options: { revoker: GrantRevoker; grantId: string; reason?: string; clock?: Clock }): Promise<GrantDto> {
  const now = (options.clock ?? systemClock).now();
  const actor = actorOf(options.revoker);
  const reason = options.reason ?? (options.revoker.kind === "agent" ? "released by the agent" : "revoked");
  const { revoked, announced } = await prisma.$transaction(async (tx) => {
    const grant = await tx.grant.findFirst({ where: { id: options.grantId, ...(await revocableBy(tx, options.revoker)) } });
    if (!grant) throw notFound("The grant");
    const ended = await tx.grant.updateMany({
      where: { id: grant.id, ...liveOrUpcomingGrantWhere(now) },
      data: { status: "REVOKED", revokedAt: now, revokedByKind: actor.kind, revokedById: actor.id, revokeReason: reason, updatedAt: now },
    });
    if (ended.count === 0) {
      const current = await tx.grant.findUniqueOrThrow({ where: { id: grant.id } });
      const state = effectiveGrantState(current, now);
      throw conflict(
        state === "REVOKED"
          ? `The grant was already revoked at ${current.revokedAt?.toISOString() ?? "an unknown time"} by ${await actorName(tx, current.revokedByKind, current.revokedById)} (${current.revokeReason ?? "no reason given"})`
          : `The grant already expired at ${current.expiresAt.toISOString()}`,
      );
    }
    const event = await recordEvent(tx, { actor, action: "grant.revoked", subject: { kind: "grant", id: grant.id }, agentId: grant.agentId, data: { reason }, at: now });
    return { revoked: toGrantDto(await tx.grant.findUniqueOrThrow({ where: { id: grant.id }, include: grantInclude }), now), announced: event.seq };
  });
  await awaitChangeHeard(announced);
  return revoked;
}
