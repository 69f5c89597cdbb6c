import { SYSTEM_AUDIT_ACTOR } from "@/lib/kernel/principal";
import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { randomSecret, sha256Hex } from "@/lib/crypto/secrets";
import { newId } from "@/lib/kernel/ids";

export const SETUP_LINK_TTL_MS = 60 * 60 * 1000;

/**
 * On an empty database, issues a single-use link (valid one hour) to create the first admin, and
 * retires any earlier link. Returns null once a user exists: there is no default password to find.
 */
export async function issueSetupLink(options: { baseUrl: string; clock?: Clock }): Promise<{ url: string; expiresAt: Date } | null> {
  const now = (options.clock ?? systemClock).now();
  const secret = randomSecret();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
    if ((await tx.user.count()) > 0) return null;
    await tx.oneTimeToken.updateMany({ where: { purpose: "SETUP", usedAt: null }, data: { usedAt: now } });
    const token = await tx.oneTimeToken.create({
      data: { id: newId("oneTimeToken"), purpose: "SETUP", hash: sha256Hex(secret), expiresAt: new Date(now.getTime() + SETUP_LINK_TTL_MS), createdAt: now },
    });
    await recordEvent(tx, {
      actor: SYSTEM_AUDIT_ACTOR,
      action: "setup.link_issued",
      subject: { kind: "one_time_token", id: token.id },
      data: { expiresAt: token.expiresAt.toISOString() },
      at: now,
    });
    return { url: new URL(`/setup/${secret}`, options.baseUrl).toString(), expiresAt: token.expiresAt };
  });
}
