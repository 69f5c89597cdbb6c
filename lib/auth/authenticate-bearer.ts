import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseAgentKey } from "@/lib/agents/agent-key-format";
import type { Clock } from "@/lib/clock";
import { digestsEqual, sha256Hex } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { findResourceServer } from "@/lib/resource-servers/find-resource-server";
import { isResourceServerSecret } from "@/lib/resource-servers/resource-server-secret-format";

export type ApiPrincipal =
  | { kind: "agent"; agentId: string; agentName: string; ownerId: string; keyId: string; keyPrefix: string }
  | { kind: "user"; userId: string; email: string; role: Role; tokenId: string }
  | { kind: "resource-server"; resourceServerId: string; name: string; audience: string };

const LAST_USED_RESOLUTION_MS = 60_000;

export const invalidCredential = () => new AppError("UNAUTHENTICATED", "The credential is missing, invalid, expired or revoked");

/** Writes lastUsedAt at most once a minute per credential, so authentication stays a read on the hot path. */
function staleLastUsed(now: Date) {
  return { OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] };
}

/**
 * Resolves `Authorization: Bearer …` to an agent (agent key), a resource server (its `batonrs_` secret)
 * or a person (personal token). Every failure answers the same way, so the response does not tell which
 * part was wrong.
 */
export async function authenticateBearer(options: { token: string; clock: Clock }): Promise<ApiPrincipal> {
  const now = options.clock.now();
  const hash = sha256Hex(options.token);
  const agentKey = parseAgentKey(options.token);
  if (agentKey) {
    const key = await prisma.agentKey.findUnique({ where: { prefix: agentKey.prefix }, include: { agent: true } });
    if (!key || !digestsEqual(key.hash, hash) || key.revokedAt || (key.expiresAt && key.expiresAt <= now) || key.agent.status !== "ACTIVE")
      throw invalidCredential();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
      await prisma.agentKey.updateMany({ where: { id: key.id, ...staleLastUsed(now) }, data: { lastUsedAt: now } });
    return { kind: "agent", agentId: key.agentId, agentName: key.agent.name, ownerId: key.agent.ownerId, keyId: key.id, keyPrefix: key.prefix };
  }
  if (isResourceServerSecret(options.token)) {
    const server = await findResourceServer(hash);
    if (!server) throw invalidCredential();
    return { kind: "resource-server", resourceServerId: server.id, name: server.name, audience: server.audience };
  }
  const token = await prisma.personalToken.findUnique({ where: { hash }, include: { user: true } });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || token.user.disabled) throw invalidCredential();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
    await prisma.personalToken.updateMany({ where: { id: token.id, ...staleLastUsed(now) }, data: { lastUsedAt: now } });
  return { kind: "user", userId: token.userId, email: token.user.email, role: token.user.role, tokenId: token.id };
}
