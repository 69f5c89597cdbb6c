import { prisma } from "@/lib/db";
import type { GroupDto } from "./schemas";

/** Approver groups and their members; not secret to signed-in people, so callers authenticate first. */
export async function listGroups(): Promise<GroupDto[]> {
  const groups = await prisma.approverGroup.findMany({
    orderBy: { name: "asc" },
    include: { members: { include: { user: true }, orderBy: { user: { name: "asc" } } } },
  });
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    description: group.description,
    members: group.members.map(({ user, source }) => ({ id: user.id, email: user.email, name: user.name, source })),
    chatWebhookConfigured: group.chatWebhookUrlSealed !== null,
    createdAt: group.createdAt.toISOString(),
  }));
}
