import { prisma, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { revocableGrantsWhere } from "@/lib/authorization/rules";
import { actorName } from "@/lib/audit/actor-name";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, notFound } from "@/lib/kernel/errors";
import { awaitChangeHeard } from "@/lib/events/change-feed";
import { auditActorOf, type AgentPrincipal, type PersonPrincipal } from "@/lib/kernel/principal";
import { liveOrUpcomingGrantWhere } from "@/lib/kernel/live-grant";
import { effectiveGrantState } from "./grant-validity";
import type { GrantDto } from "./schemas";
import { grantInclude, toGrantDto } from "./to-grant-dto";

/** The grants a principal may end (lib/authorization/rules.ts), as a query condition: "not yours" reads exactly like "not found". */
export async function revocableBy(tx: Tx, principal: PersonPrincipal | AgentPrincipal): Promise<Prisma.GrantWhereInput> {
  return revocableGrantsWhere(principal, async (userId) =>
    (await tx.scope.findMany({ where: { approverGroup: { members: { some: { userId } } } }, select: { key: true } })).map((scope) => scope.key),
  );
}

/**
 * Ends a grant now, with its audit event in the same transaction. It answers once this process has heard
 * its own announcement, so a decision asked here right after it returns already denies; other instances
 * deny as soon as the announcement reaches them. A grant that has already ended (revoked or expired) is
 * a 409 that says how.
 */
export async function revokeGrant(options: {
  principal: PersonPrincipal | AgentPrincipal;
  grantId: string;
  reason?: string;
  clock?: Clock;
}): Promise<GrantDto> {
  const now = (options.clock ?? systemClock).now();
  const actor = auditActorOf(options.principal);
  const reason = options.reason ?? (options.principal.kind === "agent" ? "released by the agent" : "revoked");
  const { revoked, announced } = await prisma.$transaction(async (tx) => {
    const grant = await tx.grant.findFirst({ where: { id: options.grantId, ...(await revocableBy(tx, options.principal)) } });
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
    const event = await recordEvent(tx, {
      actor,
      action: "grant.revoked",
      subject: { kind: "grant", id: grant.id },
      agentId: grant.agentId,
      data: { reason },
      at: now,
    });
    return { revoked: toGrantDto(await tx.grant.findUniqueOrThrow({ where: { id: grant.id }, include: grantInclude }), now), announced: event.seq };
  });
  await awaitChangeHeard(announced);
  return revoked;
}
