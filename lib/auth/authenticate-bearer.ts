import { prisma } from "@/lib/db";
import { parseAgentKey } from "@/lib/agents/agent-key-format";
import type { Clock } from "@/lib/kernel/clock";
import { digestsEqual, sha256Hex } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/kernel/errors";
import type { Principal } from "@/lib/kernel/principal";
import { findResourceServer } from "@/lib/resource-servers/find-resource-server";
import { isResourceServerSecret } from "@/lib/resource-servers/resource-server-secret-format";
import { isIntegrationCredential } from "@/lib/incidents/integration-credential-format";
import { env } from "@/lib/env";
import { looksLikeJwt, verifyAgentAccessToken } from "@/lib/workload-identity/verify-agent-access-token";

/** What a Bearer credential can prove: every kind of principal but Baton's own jobs. */
export type BearerPrincipal = Exclude<Principal, { kind: "system" }>;

const LAST_USED_RESOLUTION_MS = 60_000;

type AgentKeyRow = {
  id: string;
  agentId: string;
  prefix: string;
  hash: string;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  agentName: string;
  ownerId: string;
  agentStatus: string;
  requireFederation: boolean;
  createdAt: Date;
};

export const invalidCredential = () => new AppError("UNAUTHENTICATED", "The credential is missing, invalid, expired or revoked");

/** Writes lastUsedAt at most once a minute per credential, so authentication stays a read on the hot path. */
function staleLastUsed(now: Date) {
  return { OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] };
}

/**
 * The resource a door is, for agent access tokens (RFC 8707 audiences): `issuer` is Baton's URL (the
 * tokens' `iss`), `audience` the resource the door serves (the agent API or the MCP server).
 */
export interface BearerResource {
  issuer: string;
  audience: string;
}

/**
 * Resolves `Authorization: Bearer …` to an agent (agent key, or an agent access token from workload
 * identity federation, bound to this door's `resource`), a resource server (its `batonrs_` secret),
 * an incident-tool integration (its `batonint_` credential) or a person (personal token). Every failure answers the same way, so the response does not tell which
 * part was wrong. An agent key is refused when its agent must federate, or once it is older than
 * BATON_AGENT_KEY_MAX_LIFETIME.
 */
export async function authenticateBearer(options: { token: string; clock: Clock; resource?: BearerResource }): Promise<BearerPrincipal> {
  const now = options.clock.now();
  if (looksLikeJwt(options.token)) {
    const agent = options.resource ? await verifyAgentAccessToken({ token: options.token, ...options.resource, now }) : null;
    if (!agent) throw invalidCredential();
    return agent;
  }
  const hash = sha256Hex(options.token);
  const agentKey = parseAgentKey(options.token);
  if (agentKey) {
    // One round trip for the key and its agent: every agent call starts here.
    const [key] = await prisma.$queryRaw<AgentKeyRow[]>`
      SELECT k.id, k."agentId", k.prefix, k.hash, k."lastUsedAt", k."expiresAt", k."revokedAt", k."createdAt", a.name AS "agentName", a."ownerId",
             a.status::text AS "agentStatus", a."requireFederation"
        FROM "AgentKey" k JOIN "Agent" a ON a.id = k."agentId"
       WHERE k.prefix = ${agentKey.prefix}`;
    const maxLifetime = env().BATON_AGENT_KEY_MAX_LIFETIME;
    if (
      !key ||
      !digestsEqual(key.hash, hash) ||
      key.revokedAt ||
      (key.expiresAt && key.expiresAt <= now) ||
      key.agentStatus !== "ACTIVE" ||
      key.requireFederation ||
      (maxLifetime !== undefined && key.createdAt.getTime() + maxLifetime * 1000 <= now.getTime())
    )
      throw invalidCredential();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
      await prisma.agentKey.updateMany({ where: { id: key.id, ...staleLastUsed(now) }, data: { lastUsedAt: now } });
    return {
      kind: "agent",
      agentId: key.agentId,
      agentName: key.agentName,
      ownerId: key.ownerId,
      credential: "agent-key",
      keyId: key.id,
      keyPrefix: key.prefix,
    };
  }
  if (isResourceServerSecret(options.token)) {
    const server = await findResourceServer(hash, now);
    if (!server) throw invalidCredential();
    return server;
  }
  if (isIntegrationCredential(options.token)) {
    const integration = await prisma.incidentIntegration.findUnique({ where: { credentialHash: hash } });
    if (!integration || integration.revokedAt) throw invalidCredential();
    return { kind: "integration", integrationId: integration.id, slug: integration.slug };
  }
  const token = await prisma.personalToken.findUnique({ where: { hash }, include: { user: true } });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || token.user.disabled) throw invalidCredential();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
    await prisma.personalToken.updateMany({ where: { id: token.id, ...staleLastUsed(now) }, data: { lastUsedAt: now } });
  return { kind: "person", userId: token.userId, role: token.user.role, authenticatedBy: "personal-token" };
}
