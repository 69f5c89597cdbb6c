import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { MAX_GRANT_TOKEN_SECONDS } from "@/lib/kernel/grant-token-format";
import { insertSigningKey } from "./insert-signing-key";
import { lockSigningKeys } from "./lock-signing-keys";
import type { RotatedSigningKeysDto } from "./schemas";
import { toSigningKeyDto } from "./to-signing-key-dto";

/**
 * Retires the signing key and promotes the next key, which has been published in the JWKS since the
 * previous rotation, so verifiers holding a cached JWKS can verify its first token; a new next key is
 * published in its place. The retired key stays published for `overlapSeconds` — never less than a
 * token's lifetime — so every token it signed still verifies until it expires on its own.
 */
export async function rotateSigningKeys(options: { principal: PersonPrincipal; overlapSeconds: number; clock?: Clock }): Promise<RotatedSigningKeysDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const retiredUntil = new Date(now.getTime() + Math.max(options.overlapSeconds, MAX_GRANT_TOKEN_SECONDS) * 1000);
  return prisma.$transaction(async (tx) => {
    await lockSigningKeys(tx);
    const retiring = await tx.signingKey.findMany({ where: { retiredAt: null, activatedAt: { not: null } }, select: { kid: true } });
    const kids = retiring.map((key) => key.kid);
    await tx.signingKey.updateMany({ where: { kid: { in: kids } }, data: { retiredAt: now, expiresAt: retiredUntil } });
    const waiting = await tx.signingKey.findFirst({ where: { retiredAt: null, activatedAt: null }, orderBy: { createdAt: "asc" } });
    const active = waiting
      ? await tx.signingKey.update({ where: { kid: waiting.kid }, data: { activatedAt: now } })
      : await insertSigningKey(tx, { now, activate: true });
    const next = await insertSigningKey(tx, { now, activate: false });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "signing_key.rotated",
      subject: { kind: "signing_key", id: active.kid },
      data: { retired: kids, retiredKeysPublishedUntil: retiredUntil.toISOString(), next: next.kid },
      at: now,
    });
    const retired = await tx.signingKey.findMany({ where: { kid: { in: kids } }, orderBy: { createdAt: "desc" } });
    return { active: toSigningKeyDto(active, now), next: toSigningKeyDto(next, now), retired: retired.map((key) => toSigningKeyDto(key, now)) };
  });
}
