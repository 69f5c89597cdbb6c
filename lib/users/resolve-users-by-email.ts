import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/kernel/errors";
import { normalizeEmail } from "@/lib/kernel/normalize-email";

/** Emails → active users, in order; any unknown or disabled address is a 400 naming its field. */
export async function resolveUsersByEmail(tx: Tx, emails: string[], field: string) {
  const normalized = emails.map(normalizeEmail);
  const users = await tx.user.findMany({ where: { email: { in: normalized }, disabled: false } });
  const byEmail = new Map(users.map((user) => [user.email, user]));
  const errors = normalized.flatMap((email, index) =>
    byEmail.has(email)
      ? []
      : [{ field: emails.length === 1 && !field.includes("[") ? field : `${field}.${index}`, message: `no active Baton user has the email ${email}` }],
  );
  if (errors.length) throw new AppError("BAD_REQUEST", errors.map((e) => e.message).join("; "), { errors });
  return normalized.map((email) => byEmail.get(email)!);
}
