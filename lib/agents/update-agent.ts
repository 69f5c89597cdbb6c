import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { resolveScopeKeys } from "@/lib/scopes/resolve-scope-keys";
import { resolveUsersByEmail } from "@/lib/users/resolve-users-by-email";
import type { AgentDto, UpdateAgentBody } from "./schemas";
import { agentInclude, toAgentDto } from "./to-agent-dto";

/**
 * Changes an agent's description, tags, owner or eligible scopes (replaced as a whole). Policies match
 * tags, so the event keeps both versions of what changed. Eligibility bounds what the agent may ask for
 * from now on; grants it already holds stay until they end or are revoked.
 */
export async function updateAgent(options: { principal: PersonPrincipal; agentId: string; input: UpdateAgentBody; clock?: Clock }): Promise<AgentDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const { description, tags, ownerEmail, eligibleScopes } = options.input;
  return prisma.$transaction(async (tx) => {
    const before = await tx.agent.findUnique({ where: { id: options.agentId }, include: agentInclude });
    if (!before) throw notFound("The agent");
    const owner = ownerEmail === undefined ? undefined : (await resolveUsersByEmail(tx, [ownerEmail], "ownerEmail"))[0]!;
    const scopes = eligibleScopes === undefined ? undefined : await resolveScopeKeys(tx, [...new Set(eligibleScopes)], "eligibleScopes");
    if (scopes) {
      await tx.agentEligibleScope.deleteMany({ where: { agentId: before.id, scopeId: { notIn: scopes.map((scope) => scope.id) } } });
      await tx.agentEligibleScope.createMany({ data: scopes.map((scope) => ({ agentId: before.id, scopeId: scope.id })), skipDuplicates: true });
    }
    const agent = await tx.agent.update({
      where: { id: before.id },
      data: { ...(description !== undefined && { description }), ...(tags !== undefined && { tags }), ...(owner && { ownerId: owner.id }), updatedAt: now },
      include: agentInclude,
    });
    const [was, is] = [toAgentDto(before), toAgentDto(agent)];
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "agent.updated",
      subject: { kind: "agent", id: agent.id },
      agentId: agent.id,
      data: {
        name: agent.name,
        ...(description !== undefined && { description: { before: was.description, after: is.description } }),
        ...(tags !== undefined && { tags: { before: was.tags, after: is.tags } }),
        ...(owner && { owner: { before: was.owner.email, after: is.owner.email } }),
        ...(scopes && { eligibleScopes: { before: was.eligibleScopes, after: is.eligibleScopes } }),
      },
      at: now,
    });
    return is;
  });
}
