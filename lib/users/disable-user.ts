import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { forbidden, notFound } from "@/lib/kernel/errors";
import { toUserSummary, userSummaryInclude, type UserSummary } from "./user-summary";

/**
 * Locks a person out: no sign-in, by password or SSO, and every open session ends on its next request —
 * the same mark as "sign out everywhere". Their personal tokens stop working while they are disabled.
 * Disabling a disabled person is a no-op.
 */
export async function disableUser(options: { principal: PersonPrincipal; userId: string; clock?: Clock }): Promise<UserSummary> {
  requireAdmin(options.principal);
  if (options.userId === options.principal.userId) throw forbidden("You cannot disable your own account");
  const now = (options.clock ?? systemClock).now();
  return prisma.$transaction(async (tx) => {
    const disabled = await tx.user.updateMany({ where: { id: options.userId, disabled: false }, data: { disabled: true, sessionsValidAfter: now } });
    const user = await tx.user.findUnique({ where: { id: options.userId }, include: userSummaryInclude });
    if (!user) throw notFound("The user");
    if (disabled.count === 1)
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "user.disabled",
        subject: { kind: "user", id: user.id },
        data: { email: user.email },
        at: now,
      });
    return toUserSummary(user);
  });
}
