import { SYSTEM_AUDIT_ACTOR } from "@/lib/kernel/principal";
import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { sha256Hex } from "@/lib/crypto/secrets";
import { hashPassword } from "@/lib/crypto/password";
import { storePersonalToken } from "@/lib/tokens/store-personal-token";
import { insertUser } from "@/lib/users/insert-user";
import { normalizeEmail } from "@/lib/kernel/normalize-email";

export interface BootstrapAdminInput {
  email: string;
  password: string;
  name?: string;
  token?: string;
  clock?: Clock;
}

export type BootstrapOutcome = "created" | "exists" | "skipped";

/**
 * For automated installs: creates the first admin from the environment when no user exists, and
 * registers BATON_ADMIN_TOKEN as that admin's personal token if it is not registered yet.
 * Never changes an existing account's password.
 */
export async function bootstrapAdmin(input: BootstrapAdminInput): Promise<BootstrapOutcome> {
  const now = (input.clock ?? systemClock).now();
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    // Serialise concurrent starts of several instances on one database.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
    let outcome: BootstrapOutcome = "skipped";
    let admin = await tx.user.findUnique({ where: { email } });
    if (!admin && (await tx.user.count()) === 0) {
      admin = await insertUser(tx, {
        email,
        name: input.name ?? "Administrator",
        role: "ADMIN",
        passwordHash,
        actor: SYSTEM_AUDIT_ACTOR,
        action: "user.bootstrapped",
        at: now,
      });
      outcome = "created";
    } else if (admin) outcome = "exists";
    if (admin && admin.role === "ADMIN" && input.token) {
      const known = await tx.personalToken.findUnique({ where: { hash: sha256Hex(input.token) }, select: { id: true } });
      if (!known) await storePersonalToken(tx, { userId: admin.id, token: input.token, name: "BATON_ADMIN_TOKEN", actor: SYSTEM_AUDIT_ACTOR, at: now });
    }
    return outcome;
  });
}
