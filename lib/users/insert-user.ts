import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordEvent, type Actor } from "@/lib/audit/record-event";
import { conflict } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { normalizeEmail } from "@/lib/kernel/normalize-email";
import { auditActorOf, personPrincipal } from "@/lib/kernel/principal";

export interface InsertUserInput {
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  /** "self" when the person creates their own account (first-run set-up). */
  actor: Actor | "self";
  action: "user.created" | "user.bootstrapped" | "setup.completed";
  at: Date;
}

/** Creates a person and its audit event inside the caller's transaction. */
export async function insertUser(tx: Tx, input: InsertUserInput) {
  const email = normalizeEmail(input.email);
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw conflict(`A user with the email ${email} already exists`);
  const user = await tx.user.create({
    data: {
      id: newId("user"),
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash: input.passwordHash,
      createdAt: input.at,
      sessionsValidAfter: new Date(0),
    },
  });
  await recordEvent(tx, {
    actor: input.actor === "self" ? auditActorOf(personPrincipal(user.id, user.role)) : input.actor,
    action: input.action,
    subject: { kind: "user", id: user.id },
    data: { email, name: user.name, role: user.role },
    at: input.at,
  });
  return user;
}
