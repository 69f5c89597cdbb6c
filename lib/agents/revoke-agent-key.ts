import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { toAgentKeyDto } from "./to-agent-dto";

/** Revokes a key at once. Revoking a revoked key is a no-op that returns it unchanged. */
export async function revokeAgentKey(options: { principal: PersonPrincipal; agentId: string; keyId: string; clock?: Clock }) {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  return prisma.$transaction(async (tx) => {
    const key = await tx.agentKey.findFirst({ where: { id: options.keyId, agentId: options.agentId } });
    if (!key) throw notFound("The key");
    const revoked = await tx.agentKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 1)
      await recordEvent(tx, {
        actor: auditActorOf(options.principal),
        action: "agent.key_revoked",
        subject: { kind: "agent_key", id: key.id },
        agentId: key.agentId,
        data: { prefix: key.prefix },
        at: now,
      });
    return toAgentKeyDto(await tx.agentKey.findUniqueOrThrow({ where: { id: key.id } }));
  });
}
