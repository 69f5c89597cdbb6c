import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, notFound } from "@/lib/kernel/errors";
import { insertAgentKey } from "./issue-agent-key";
import { toAgentKeyDto } from "./to-agent-dto";

/** Issues a replacement key; the old key keeps working for `overlapSeconds` (never longer than it already would). */
export async function rotateAgentKey(options: {
  principal: PersonPrincipal;
  agentId: string;
  keyId: string;
  overlapSeconds: number;
  expiresInSeconds?: number;
  clock?: Clock;
}) {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  return prisma.$transaction(async (tx) => {
    const old = await tx.agentKey.findFirst({ where: { id: options.keyId, agentId: options.agentId } });
    if (!old) throw notFound("The key");
    if (old.revokedAt || (old.expiresAt && old.expiresAt <= now)) throw conflict("The key is already revoked or expired; issue a new key instead");
    const overlapEnds = new Date(now.getTime() + options.overlapSeconds * 1000);
    const oldExpiresAt = old.expiresAt && old.expiresAt < overlapEnds ? old.expiresAt : overlapEnds;
    await tx.agentKey.update({ where: { id: old.id }, data: { expiresAt: oldExpiresAt } });
    const { key, record } = await insertAgentKey(tx, { agentId: options.agentId, expiresInSeconds: options.expiresInSeconds, now });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "agent.key_rotated",
      subject: { kind: "agent_key", id: old.id },
      agentId: options.agentId,
      data: { oldPrefix: old.prefix, oldKeyExpiresAt: oldExpiresAt.toISOString(), newKeyId: record.id, newPrefix: record.prefix },
      at: now,
    });
    return { ...toAgentKeyDto(record), key };
  });
}
