import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { AppError, notFound } from "@/lib/kernel/errors";
import { replaceGroupMemberships } from "./replace-group-memberships";
import { toUserSummary, userSummaryInclude, type UserSummary } from "./user-summary";

/**
 * Sets the approver groups an admin gave a person. Memberships the identity provider asserts are its own:
 * they stay, and the next SSO sign-in brings them up to date.
 */
export async function setUserGroups(options: { principal: PersonPrincipal; userId: string; groupNames: string[]; clock?: Clock }): Promise<UserSummary> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const names = [...new Set(options.groupNames)];
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId }, select: { id: true } });
    if (!user) throw notFound("The user");
    const groups = await tx.approverGroup.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
    const unknown = names.filter((name) => !groups.some((group) => group.name === name));
    if (unknown.length)
      throw new AppError("BAD_REQUEST", `No approver group is named ${unknown.join(", ")}`, {
        errors: unknown.map((name) => ({ field: "groups", message: `no approver group is named ${name}` })),
      });
    const change = await replaceGroupMemberships(tx, { userId: user.id, groups, source: "local", at: now });
    if (change.added.length || change.removed.length)
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "user.groups_changed",
        subject: { kind: "user", id: user.id },
        data: { ...change, source: "local" },
        at: now,
      });
    return toUserSummary(await tx.user.findUniqueOrThrow({ where: { id: user.id }, include: userSummaryInclude }));
  });
}
