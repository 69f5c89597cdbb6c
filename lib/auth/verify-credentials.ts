import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { decoyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { normalizeEmail } from "@/lib/kernel/normalize-email";
import { auditActorOf, personPrincipal } from "@/lib/kernel/principal";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/**
 * Checks a local account's password. Unknown, disabled and password-less accounts all answer null
 * after the same scrypt work, so the answer does not reveal which accounts exist.
 */
export async function verifyCredentials(options: { email: string; password: string; clock?: Clock }): Promise<SignedInUser | null> {
  const now = (options.clock ?? systemClock).now();
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(options.email) } });
  const passwordMatches = await verifyPassword(options.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user) return null;
  const ok = passwordMatches && !user.disabled && user.passwordHash !== null;
  await prisma.$transaction(async (tx) => {
    if (ok) await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordEvent(tx, {
      actor: auditActorOf(personPrincipal(user.id, user.role)),
      action: ok ? "user.signed_in" : "user.sign_in_failed",
      subject: { kind: "user", id: user.id },
      data: ok ? { method: "password" } : { method: "password", reason: user.disabled ? "disabled" : "bad_password" },
      at: now,
    });
  });
  return ok ? { id: user.id, email: user.email, name: user.name } : null;
}
