import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/audit/record-event";
import { AppError } from "@/lib/kernel/errors";
import { mayDo } from "./role-abilities";

/** A person acting through the UI or a personal token; domain functions check the role themselves. */
export interface PersonActor {
  userId: string;
  role: Role;
}

export function requireAdmin(person: PersonActor): void {
  if (!mayDo(person.role, "administer")) throw new AppError("FORBIDDEN", "This needs the admin role");
}

export const auditActor = (person: PersonActor): Actor => ({ kind: "USER", id: person.userId });
