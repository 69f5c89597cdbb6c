import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { resolveUsersByEmail } from "@/lib/users/resolve-users-by-email";
import type { CreateGroupBody, GroupDto } from "./schemas";

export async function createGroup(options: { principal: PersonPrincipal; input: CreateGroupBody; clock?: Clock }): Promise<GroupDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { name, description, memberEmails } = options.input;
  return prisma.$transaction(async (tx) => {
    if (await tx.approverGroup.findUnique({ where: { name }, select: { id: true } })) throw conflict(`An approver group named ${name} already exists`);
    const members = [...new Map((await resolveUsersByEmail(tx, memberEmails, "memberEmails")).map((u) => [u.id, u])).values()];
    const group = await tx.approverGroup.create({
      data: {
        id: newId("group"),
        name,
        description,
        createdAt: now,
        updatedAt: now,
        members: { create: members.map((user) => ({ userId: user.id, createdAt: now })) },
      },
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "group.created",
      subject: { kind: "group", id: group.id },
      data: { name, members: members.map((u) => u.email) },
      at: now,
    });
    return {
      id: group.id,
      name,
      description,
      members: members.map((u) => ({ id: u.id, email: u.email, name: u.name, source: "local" })),
      chatWebhookConfigured: false,
      createdAt: now.toISOString(),
    };
  });
}
