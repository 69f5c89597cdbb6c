import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { hashPassword } from "@/lib/crypto/password";
import { randomSecret, sha256Hex } from "@/lib/crypto/secrets";
import { newId } from "@/lib/kernel/ids";
import { insertUser } from "./insert-user";
import type { CreateUserBody } from "./schemas";

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

/** Creates a person. Without a password, returns a single-use invitation link (7 days) for them to set one. */
export async function createUser(options: { principal: PersonPrincipal; input: CreateUserBody; baseUrl: string; clock?: Clock }) {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { password, ...fields } = options.input;
  const passwordHash = password ? await hashPassword(password) : null;
  const secret = password ? null : randomSecret();
  return prisma.$transaction(async (tx) => {
    const user = await insertUser(tx, { ...fields, passwordHash, actor: auditActorOf(options.principal), action: "user.created", at: now });
    let invitationUrl: string | null = null;
    if (secret) {
      const invitation = await tx.oneTimeToken.create({
        data: {
          id: newId("oneTimeToken"),
          purpose: "INVITATION",
          hash: sha256Hex(secret),
          userId: user.id,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          createdAt: now,
        },
      });
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "user.invited",
        subject: { kind: "user", id: user.id },
        data: { invitation: invitation.id, expiresAt: invitation.expiresAt.toISOString() },
        at: now,
      });
      invitationUrl = new URL(`/invite/${secret}`, options.baseUrl).toString();
    }
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      disabled: user.disabled,
      createdAt: user.createdAt.toISOString(),
      invitationUrl,
    };
  });
}
