import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import type { PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { AppError, notFound } from "@/lib/kernel/errors";
import { awaitChangeHeard } from "@/lib/events/change-feed";
import { resolveUsersByEmail } from "@/lib/users/resolve-users-by-email";
import { replaceOnCallIn } from "./replace-on-call";
import type { OnCallDto, SetOnCallBody } from "./schemas";

/** Sets who is on call for a group (an admin, in the browser or by API). Everyone named must be a member; an empty list means nobody. */
export async function setOnCall(options: { principal: PersonPrincipal; groupId: string; input: SetOnCallBody; clock?: Clock }): Promise<OnCallDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { userIds = [], emails = [], until } = options.input;
  if (until && Date.parse(until) <= now.getTime())
    throw new AppError("BAD_REQUEST", "until must be in the future", { errors: [{ field: "until", message: "must be in the future" }] });
  const result = await prisma.$transaction(async (tx) => {
    const group = await tx.approverGroup.findUnique({ where: { id: options.groupId }, include: { members: { include: { user: true } } } });
    if (!group) throw notFound("The approver group");
    const byEmail = emails.length ? await resolveUsersByEmail(tx, emails, "emails") : [];
    const members = new Map(group.members.filter(({ user }) => !user.disabled).map(({ user }) => [user.id, user]));
    const errors = [
      ...userIds.flatMap((id, index) => (members.has(id) ? [] : [{ field: `userIds.${index}`, message: `is not an active member of ${group.name}` }])),
      ...byEmail.flatMap((user, index) =>
        members.has(user.id) ? [] : [{ field: `emails.${index}`, message: `${user.email} is not a member of ${group.name}` }],
      ),
    ];
    if (errors.length) throw new AppError("BAD_REQUEST", errors.map((error) => `${error.field}: ${error.message}`).join("; "), { errors });
    return replaceOnCallIn(tx, {
      principal: options.principal,
      groupId: group.id,
      userIds: [...userIds, ...byEmail.map((user) => user.id)],
      until: until ? new Date(until) : null,
      source: "local",
      now,
    });
  });
  await awaitChangeHeard(result.seq);
  return { groupId: result.groupId, groupName: result.groupName, onCall: result.onCall };
}
