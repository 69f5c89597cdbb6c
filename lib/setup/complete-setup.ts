import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { hashPassword } from "@/lib/crypto/password";
import { sha256Hex } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/kernel/errors";
import { insertUser } from "@/lib/users/insert-user";
import type { CompleteSetupInput } from "./schemas";

const invalidLink = () => new AppError("NOT_FOUND", "This set-up link is invalid, already used or expired. Restart Baton to print a new one.");

/** Spends a set-up link to create the first admin. The link works once, within its hour, and only while no user exists. */
export async function completeSetup(input: CompleteSetupInput & { clock?: Clock }) {
  const now = (input.clock ?? systemClock).now();
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
    const spent = await tx.oneTimeToken.updateMany({
      where: { hash: sha256Hex(input.token), purpose: "SETUP", usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1 || (await tx.user.count()) > 0) throw invalidLink();
    return insertUser(tx, { email: input.email, name: input.name, role: "ADMIN", passwordHash, actor: "self", action: "setup.completed", at: now });
  });
}

/** Whether a set-up link can still be used, so the page can say so before the form is filled. */
export async function isSetupLinkUsable(options: { token: string; clock?: Clock }): Promise<boolean> {
  const now = (options.clock ?? systemClock).now();
  const token = await prisma.oneTimeToken.findUnique({ where: { hash: sha256Hex(options.token) } });
  return !!token && token.purpose === "SETUP" && token.usedAt === null && token.expiresAt > now && (await prisma.user.count()) === 0;
}
