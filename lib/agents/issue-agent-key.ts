import { prisma, type Tx } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { sha256Hex } from "@/lib/crypto/secrets";
import { conflict, notFound } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { generateAgentKey } from "./agent-key-format";
import { toAgentKeyDto } from "./to-agent-dto";

/** Inserts a new key for an active agent; the secret is returned to the caller and never stored. */
export async function insertAgentKey(tx: Tx, options: { agentId: string; expiresInSeconds?: number; now: Date }) {
  const agent = await tx.agent.findUnique({ where: { id: options.agentId } });
  if (!agent) throw notFound("The agent");
  if (agent.status !== "ACTIVE") throw conflict("The agent is disabled; it cannot get keys");
  const { key, prefix } = generateAgentKey();
  const record = await tx.agentKey.create({
    data: {
      id: newId("agentKey"),
      agentId: agent.id,
      prefix,
      hash: sha256Hex(key),
      createdAt: options.now,
      expiresAt: options.expiresInSeconds ? new Date(options.now.getTime() + options.expiresInSeconds * 1000) : null,
    },
  });
  return { key, record };
}

export async function issueAgentKey(options: { principal: PersonPrincipal; agentId: string; expiresInSeconds?: number; clock?: Clock }) {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  return prisma.$transaction(async (tx) => {
    const { key, record } = await insertAgentKey(tx, { agentId: options.agentId, expiresInSeconds: options.expiresInSeconds, now });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "agent.key_created",
      subject: { kind: "agent_key", id: record.id },
      agentId: record.agentId,
      data: { prefix: record.prefix, expiresAt: record.expiresAt?.toISOString() ?? null },
      at: now,
    });
    return { ...toAgentKeyDto(record), key };
  });
}
