import { prisma, type Tx } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { resolveUsersByEmail } from "@/lib/users/resolve-users-by-email";
import { assertPublicWebhookUrl } from "@/lib/webhooks/outbound-address";
import { groupChatWebhookRow, sealForRow } from "@/lib/webhooks/webhook-secret";
import { listGroups } from "./list-groups";
import type { GroupDto, UpdateGroupBody } from "./schemas";

/**
 * Changes a group's description, its members set in Baton, or its chat incoming-webhook URL. The URL is a
 * credential (anyone who has it can post to the channel): it is stored sealed and never shown again, and
 * the audit event records only whether it was set. Memberships the identity provider asserted are left
 * alone, as replaceGroupMemberships leaves them.
 */
export async function updateGroup(options: { principal: PersonPrincipal; groupId: string; input: UpdateGroupBody; clock?: Clock }): Promise<GroupDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { description, chatWebhookUrl, memberEmails } = options.input;
  if (chatWebhookUrl) assertPublicWebhookUrl(chatWebhookUrl, "chatWebhookUrl");
  await prisma.$transaction(async (tx) => {
    const group = await tx.approverGroup.findUnique({ where: { id: options.groupId } });
    if (!group) throw notFound("The approver group");
    await tx.approverGroup.update({
      where: { id: group.id },
      data: {
        ...(description !== undefined && { description }),
        ...(chatWebhookUrl !== undefined && {
          chatWebhookUrlSealed: chatWebhookUrl === null ? null : sealForRow(chatWebhookUrl, groupChatWebhookRow(group.id)),
        }),
        updatedAt: now,
      },
    });
    const members = memberEmails === undefined ? undefined : await replaceLocalMembers(tx, { groupId: group.id, memberEmails, at: now });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "group.updated",
      subject: { kind: "group", id: group.id },
      data: {
        ...(description !== undefined && { description }),
        ...(chatWebhookUrl !== undefined && { chatWebhook: chatWebhookUrl === null ? "removed" : "set" }),
        ...(members && { members }),
      },
      at: now,
    });
  });
  return (await listGroups()).find((group) => group.id === options.groupId)!;
}

async function replaceLocalMembers(tx: Tx, input: { groupId: string; memberEmails: string[]; at: Date }): Promise<{ added: string[]; removed: string[] }> {
  const wanted = new Map((await resolveUsersByEmail(tx, input.memberEmails, "memberEmails")).map((user) => [user.id, user]));
  const current = await tx.groupMembership.findMany({ where: { groupId: input.groupId }, include: { user: { select: { email: true } } } });
  const removed = current.filter((membership) => membership.source === "local" && !wanted.has(membership.userId));
  const held = new Set(current.map((membership) => membership.userId));
  const added = [...wanted.values()].filter((user) => !held.has(user.id));
  if (removed.length)
    await tx.groupMembership.deleteMany({ where: { groupId: input.groupId, userId: { in: removed.map((membership) => membership.userId) } } });
  if (added.length)
    await tx.groupMembership.createMany({ data: added.map((user) => ({ groupId: input.groupId, userId: user.id, source: "local", createdAt: input.at })) });
  return { added: added.map((user) => user.email).sort(), removed: removed.map((membership) => membership.user.email).sort() };
}
