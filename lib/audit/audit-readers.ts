import type { Role } from "@/lib/generated/prisma/enums";
import type { PersonActor } from "@/lib/auth/actor";
import { rolesWith } from "@/lib/auth/role-abilities";
import { AppError } from "@/lib/kernel/errors";

/**
 * Who may read, export and verify the audit log: admins, approvers and incident commanders — the people
 * who answer for decisions. Viewers see the live state but not the log, which names every person,
 * sign-in failure and refusal.
 */
export const AUDIT_READER_ROLES: readonly Role[] = rolesWith("readAudit");

export function canReadAudit(person: Pick<PersonActor, "role">): boolean {
  return AUDIT_READER_ROLES.includes(person.role);
}

export function requireAuditReader(person: Pick<PersonActor, "role">): void {
  if (!canReadAudit(person)) throw new AppError("FORBIDDEN", "Your role does not allow reading the audit log");
}
