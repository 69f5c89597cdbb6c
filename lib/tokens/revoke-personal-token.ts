import { prisma } from "@/lib/db";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { PersonalTokenDto } from "./schemas";
import { toPersonalTokenDto } from "./to-personal-token-dto";

/**
 * Revokes one of the acting person's own tokens at once. Someone else's token id answers exactly like an
 * unknown one. Revoking a revoked token is a no-op that returns it unchanged.
 */
export async function revokePersonalToken(options: { principal: PersonPrincipal; tokenId: string; clock?: Clock }): Promise<PersonalTokenDto> {
  const now = (options.clock ?? systemClock).now();
  const own = { id: options.tokenId, userId: options.principal.userId };
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.personalToken.updateMany({ where: { ...own, revokedAt: null }, data: { revokedAt: now } });
    const token = await tx.personalToken.findFirst({ where: own });
    if (!token) throw notFound("The token");
    if (revoked.count === 1)
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "personal_token.revoked",
        subject: { kind: "personal_token", id: token.id },
        data: { userId: token.userId, prefix: token.prefix },
        at: now,
      });
    return toPersonalTokenDto(token);
  });
}
