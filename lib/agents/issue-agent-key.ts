import { prisma, type Tx } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { sha256Hex } from "@/lib/crypto/secrets";
import { AppError, conflict, notFound } from "@/lib/kernel/errors";
import { env } from "@/lib/env";
import { newId } from "@/lib/kernel/ids";
import { generateAgentKey } from "./agent-key-format";
import { toAgentKeyDto } from "./to-agent-dto";

/**
 * Inserts a new key for an active agent that need not federate; the secret is returned to the caller and
 * never stored. Under BATON_AGENT_KEY_MAX_LIFETIME a key expires at that lifetime at the latest.
 */
export async function insertAgentKey(tx: Tx, options: { agentId: string; expiresInSeconds?: number; now: Date }) {
  const agent = await tx.agent.findUnique({ where: { id: options.agentId } });
  if (!agent) throw notFound("The agent");
  if (agent.status !== "ACTIVE") throw conflict("The agent is disabled; it cannot get keys");
  if (agent.requireFederation) throw conflict("The agent must sign in through workload identity federation; it cannot get static keys");
  const maxLifetime = env().BATON_AGENT_KEY_MAX_LIFETIME;
  if (maxLifetime !== undefined && options.expiresInSeconds !== undefined && options.expiresInSeconds > maxLifetime) {
    const message = `must be at most ${maxLifetime} seconds (BATON_AGENT_KEY_MAX_LIFETIME)`;
    throw new AppError("BAD_REQUEST", `expiresInSeconds: ${message}`, { errors: [{ field: "expiresInSeconds", message }] });
  }
  const expiresInSeconds = options.expiresInSeconds ?? maxLifetime;
  const { key, prefix } = generateAgentKey();
  const record = await tx.agentKey.create({
    data: {
      id: newId("agentKey"),
      agentId: agent.id,
      prefix,
      hash: sha256Hex(key),
      createdAt: options.now,
      expiresAt: expiresInSeconds ? new Date(options.now.getTime() + expiresInSeconds * 1000) : null,
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
