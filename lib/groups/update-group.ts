import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { assertPublicWebhookUrl } from "@/lib/webhooks/outbound-address";
import { groupChatWebhookRow, sealForRow } from "@/lib/webhooks/webhook-secret";
import { listGroups } from "./list-groups";
import type { GroupDto, UpdateGroupBody } from "./schemas";

/**
 * Changes a group's description or its chat incoming-webhook URL. The URL is a credential (anyone who
 * has it can post to the channel): it is stored sealed and never shown again, and the audit event
 * records only whether it was set.
 */
export async function updateGroup(options: { principal: PersonPrincipal; groupId: string; input: UpdateGroupBody; clock?: Clock }): Promise<GroupDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { description, chatWebhookUrl } = options.input;
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
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "group.updated",
      subject: { kind: "group", id: group.id },
      data: {
        ...(description !== undefined && { description }),
        ...(chatWebhookUrl !== undefined && { chatWebhook: chatWebhookUrl === null ? "removed" : "set" }),
      },
      at: now,
    });
  });
  return (await listGroups()).find((group) => group.id === options.groupId)!;
}
