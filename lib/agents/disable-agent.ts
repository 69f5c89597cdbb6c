import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { awaitChangeHeard } from "@/lib/events/change-feed";
import type { AgentDto } from "./schemas";
import { agentInclude, toAgentDto } from "./to-agent-dto";

/**
 * Disables an agent and takes away everything it holds — keys revoked, pending requests cancelled,
 * active grants revoked — in one transaction with an audit event for each. Disabling twice is a no-op.
 */
export async function disableAgent(options: { principal: PersonPrincipal; agentId: string; reason?: string; clock?: Clock }): Promise<AgentDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const actor = auditActorOf(options.principal);
  const reason = options.reason ?? "agent disabled";
  const { agent, announced } = await prisma.$transaction(async (tx) => {
    // Waits for filings in flight (they hold the row FOR SHARE), so none lands after the sweep below.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "Agent" WHERE id = ${options.agentId} FOR UPDATE`;
    if (!locked) throw notFound("The agent");
    if (locked.status === "DISABLED")
      return { agent: toAgentDto(await tx.agent.findUniqueOrThrow({ where: { id: options.agentId }, include: agentInclude })), announced: null };

    await tx.agent.update({ where: { id: options.agentId }, data: { status: "DISABLED", disabledAt: now, updatedAt: now } });
    const keys = await tx.agentKey.findMany({ where: { agentId: options.agentId, revokedAt: null } });
    await tx.agentKey.updateMany({ where: { id: { in: keys.map((k) => k.id) } }, data: { revokedAt: now } });
    const pending = await tx.accessRequest.findMany({ where: { agentId: options.agentId, status: "PENDING" }, select: { id: true } });
    await tx.accessRequest.updateMany({
      where: { id: { in: pending.map((r) => r.id) }, status: "PENDING" },
      data: { status: "CANCELLED", decidedAt: now, outcomeReason: reason, updatedAt: now },
    });
    const grants = await tx.grant.findMany({ where: { agentId: options.agentId, status: "ACTIVE", revokedAt: null }, select: { id: true } });
    await tx.grant.updateMany({
      where: { id: { in: grants.map((g) => g.id) }, status: "ACTIVE" },
      data: { status: "REVOKED", revokedAt: now, revokedByKind: actor.kind, revokedById: actor.id, revokeReason: reason, updatedAt: now },
    });

    const agentId = options.agentId;
    const disabled = await recordEvent(tx, {
      actor,
      action: "agent.disabled",
      subject: { kind: "agent", id: agentId },
      agentId,
      data: { reason, keysRevoked: keys.length, requestsCancelled: pending.length, grantsRevoked: grants.length },
      at: now,
    });
    for (const key of keys)
      await recordEvent(tx, {
        actor,
        action: "agent.key_revoked",
        subject: { kind: "agent_key", id: key.id },
        agentId,
        data: { prefix: key.prefix, reason },
        at: now,
      });
    for (const request of pending)
      await recordEvent(tx, { actor, action: "request.cancelled", subject: { kind: "request", id: request.id }, agentId, data: { reason }, at: now });
    for (const grant of grants)
      await recordEvent(tx, { actor, action: "grant.revoked", subject: { kind: "grant", id: grant.id }, agentId, data: { reason }, at: now });
    return { agent: toAgentDto(await tx.agent.findUniqueOrThrow({ where: { id: agentId }, include: agentInclude })), announced: disabled.seq };
  });
  // Decisions asked in this process once this returns already deny the agent's grants.
  if (announced !== null) await awaitChangeHeard(announced);
  return agent;
}
