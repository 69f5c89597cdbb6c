import { errors, jwtVerify } from "jose";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { idOf } from "@/lib/kernel/common-schemas";
import { isSigningKeyId } from "@/lib/kernel/signing-key-id-format";
import { GRANT_TOKEN_ALGORITHM, GRANT_TOKEN_TYPE } from "@/lib/kernel/grant-token-format";
import type { AgentPrincipal } from "@/lib/kernel/principal";
import { findVerificationKey } from "@/lib/signing-keys/find-verification-key";
import { FEDERATED_IDENTITY_CLAIM } from "./workload-token-format";

const accessTokenClaims = z.object({
  sub: idOf("agt"),
  client_id: idOf("agt"),
  jti: z.uuid(),
  exp: z.number().int(),
  [FEDERATED_IDENTITY_CLAIM]: idOf("fid"),
});

/** A compact JWS: three base64url parts, the first a JSON header ("eyJ…"). */
export const looksLikeJwt = (token: string) => /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(token);

/**
 * The agent an agent access token stands for, or null: Baton's signature (EdDSA, a `kid` of Baton's),
 * typ at+jwt, `iss` = Baton, `aud` = the resource this door is (the agent API or the MCP server: a token
 * bound to one is refused by the other), not expired, and — read now, not from the token — its
 * federated identity still binds an active agent.
 */
export async function verifyAgentAccessToken(options: { token: string; issuer: string; audience: string; now: Date }): Promise<AgentPrincipal | null> {
  let claims: z.infer<typeof accessTokenClaims>;
  try {
    const { payload } = await jwtVerify(
      options.token,
      async (header) => {
        const key = isSigningKeyId(header.kid) ? await findVerificationKey(header.kid, options.now) : null;
        if (!key) throw new errors.JWKSNoMatchingKey();
        return key;
      },
      {
        algorithms: [GRANT_TOKEN_ALGORITHM],
        typ: GRANT_TOKEN_TYPE,
        issuer: options.issuer,
        audience: options.audience,
        currentDate: options.now,
        clockTolerance: 0,
        requiredClaims: ["exp", "iat", "jti", "sub"],
      },
    );
    const parsed = accessTokenClaims.safeParse(payload);
    if (!parsed.success || parsed.data.client_id !== parsed.data.sub) return null;
    claims = parsed.data;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
  const identity = await prisma.federatedIdentity.findUnique({
    where: { id: claims[FEDERATED_IDENTITY_CLAIM] },
    select: { id: true, agent: { select: { id: true, name: true, ownerId: true, status: true } } },
  });
  if (!identity || identity.agent.id !== claims.sub || identity.agent.status !== "ACTIVE") return null;
  return {
    kind: "agent",
    agentId: identity.agent.id,
    agentName: identity.agent.name,
    ownerId: identity.agent.ownerId,
    credential: "access-token",
    federatedIdentityId: identity.id,
    tokenId: claims.jti,
    expiresAt: new Date(claims.exp * 1000),
  };
}
