import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { hashPassword } from "@/lib/crypto/password";
import { sha256Hex } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/kernel/errors";
import { auditActorOf, personPrincipal } from "@/lib/kernel/principal";

const invalidInvitation = () => new AppError("NOT_FOUND", "This invitation is invalid, already used or expired. Ask an admin for a new one.");

/** Spends an invitation link to set the invited person's password; works once, before it expires. */
export async function acceptInvitation(options: { token: string; password: string; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const passwordHash = await hashPassword(options.password);
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.oneTimeToken.findUnique({ where: { hash: sha256Hex(options.token) } });
    if (!invitation || invitation.purpose !== "INVITATION" || !invitation.userId) throw invalidInvitation();
    const spent = await tx.oneTimeToken.updateMany({ where: { id: invitation.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count !== 1) throw invalidInvitation();
    const user = await tx.user.update({ where: { id: invitation.userId }, data: { passwordHash } });
    await recordEvent(tx, {
      actor: auditActorOf(personPrincipal(user.id, user.role)),
      action: "user.invitation_accepted",
      subject: { kind: "user", id: user.id },
      at: now,
    });
    return { email: user.email };
  });
}

export async function findInvitation(options: { token: string; clock?: Clock }): Promise<{ email: string; name: string } | null> {
  const now = (options.clock ?? systemClock).now();
  const invitation = await prisma.oneTimeToken.findUnique({ where: { hash: sha256Hex(options.token) }, include: { user: true } });
  if (!invitation || invitation.purpose !== "INVITATION" || invitation.usedAt || invitation.expiresAt <= now || !invitation.user || invitation.user.disabled)
    return null;
  return { email: invitation.user.email, name: invitation.user.name };
}
