import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { resolveScopeKeys } from "@/lib/scopes/resolve-scope-keys";
import { resolveUsersByEmail } from "@/lib/users/resolve-users-by-email";
import type { AgentDto, CreateAgentBody } from "./schemas";
import { agentInclude, toAgentDto } from "./to-agent-dto";

export async function createAgent(options: { principal: PersonPrincipal; input: CreateAgentBody; clock?: Clock }): Promise<AgentDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { name, description, ownerEmail, eligibleScopes, tags = [] } = options.input;
  return prisma.$transaction(async (tx) => {
    if (await tx.agent.findUnique({ where: { name }, select: { id: true } })) throw conflict(`An agent named ${name} already exists`);
    const [owner] = await resolveUsersByEmail(tx, [ownerEmail], "ownerEmail");
    const scopes = await resolveScopeKeys(tx, [...new Set(eligibleScopes)], "eligibleScopes");
    const agent = await tx.agent.create({
      data: {
        id: newId("agent"),
        name,
        description,
        ownerId: owner!.id,
        tags,
        createdAt: now,
        updatedAt: now,
        eligibleScopes: { create: scopes.map((scope) => ({ scopeId: scope.id })) },
      },
      include: agentInclude,
    });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "agent.created",
      subject: { kind: "agent", id: agent.id },
      agentId: agent.id,
      data: { name, owner: owner!.email, eligibleScopes: scopes.map((s) => s.key), tags },
      at: now,
    });
    return toAgentDto(agent);
  });
}
