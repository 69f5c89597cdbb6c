import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/kernel/errors";
import { normalizeEmail } from "@/lib/kernel/normalize-email";

/** The active commander or admin with this email, who may command an incident; a 400 naming `commanderEmail` otherwise. */
export async function findEligibleCommander(tx: Tx, email: string): Promise<{ id: string; email: string; name: string }> {
  const user = await tx.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  if (!user || user.disabled || (user.role !== "COMMANDER" && user.role !== "ADMIN"))
    throw new AppError("BAD_REQUEST", `${email} is not an active Baton commander or admin`, {
      errors: [{ field: "commanderEmail", message: "is not an active commander or admin" }],
    });
  return { id: user.id, email: user.email, name: user.name };
}
