import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { toUserSummary, userSummaryInclude, type UserSummary } from "./user-summary";

/** Lets a disabled person sign in again; sessions ended by the disablement stay ended. Enabling an enabled person is a no-op. */
export async function enableUser(options: { principal: PersonPrincipal; userId: string; clock?: Clock }): Promise<UserSummary> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  return prisma.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({ where: { id: options.userId, disabled: true }, data: { disabled: false } });
    const user = await tx.user.findUnique({ where: { id: options.userId }, include: userSummaryInclude });
    if (!user) throw notFound("The user");
    if (enabled.count === 1)
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "user.enabled",
        subject: { kind: "user", id: user.id },
        data: { email: user.email },
        at: now,
      });
    return toUserSummary(user);
  });
}
