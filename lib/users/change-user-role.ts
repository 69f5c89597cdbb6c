import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { forbidden, notFound } from "@/lib/kernel/errors";
import { toUserSummary, userSummaryInclude, type UserSummary } from "./user-summary";

/**
 * Gives a person another role, effective on their next request. Admins cannot change their own role, so
 * Baton is never left without an admin by a slip. A person who signs in through SSO gets the role the
 * identity provider asserts again at their next sign-in.
 */
export async function changeUserRole(options: { principal: PersonPrincipal; userId: string; role: Role; clock?: Clock }): Promise<UserSummary> {
  requireAdmin(options.principal);
  if (options.userId === options.principal.userId) throw forbidden("Another admin must change your role");
  const now = (options.clock ?? systemClock).now();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId } });
    if (!user) throw notFound("The user");
    if (user.role !== options.role) {
      await tx.user.update({ where: { id: user.id }, data: { role: options.role } });
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "user.role_changed",
        subject: { kind: "user", id: user.id },
        data: { from: user.role, to: options.role, source: "local" },
        at: now,
      });
    }
    return toUserSummary(await tx.user.findUniqueOrThrow({ where: { id: user.id }, include: userSummaryInclude }));
  });
}
