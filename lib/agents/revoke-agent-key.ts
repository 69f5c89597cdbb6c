import { prisma } from "@/lib/db";
import { auditActor, requireAdmin, type PersonActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { toAgentKeyDto } from "./to-agent-dto";

/** Revokes a key at once. Revoking a revoked key is a no-op that returns it unchanged. */
export async function revokeAgentKey(options: { actor: PersonActor; agentId: string; keyId: string; clock?: Clock }) {
  requireAdmin(options.actor);
  const now = (options.clock ?? systemClock).now();
  return prisma.$transaction(async (tx) => {
    const key = await tx.agentKey.findFirst({ where: { id: options.keyId, agentId: options.agentId } });
    if (!key) throw notFound("The key");
    const revoked = await tx.agentKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 1)
      await recordEvent(tx, { actor: auditActor(options.actor), action: "agent.key_revoked", subject: { kind: "agent_key", id: key.id }, agentId: key.agentId, data: { prefix: key.prefix }, at: now });
    return toAgentKeyDto((await tx.agentKey.findUniqueOrThrow({ where: { id: key.id } })));
  });
}
