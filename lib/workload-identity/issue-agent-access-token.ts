import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { getSigningKey } from "@/lib/signing-keys/get-signing-key";
import { GRANT_TOKEN_TYPE } from "@/lib/kernel/grant-token-format";
import type { Clock } from "@/lib/kernel/clock";
import { AGENT_ACCESS_TOKEN_SECONDS, AGENT_SCOPE, FEDERATED_IDENTITY_CLAIM } from "./workload-token-format";

/**
 * Signs an agent access token (RFC 9068, typ at+jwt, with Baton's grant-token keys): `sub` and
 * `client_id` are the agent, `aud` the resource it is bound to (the agent API or the MCP server),
 * `act` the workload that proved itself (its platform `sub` and `iss`, `sub_profile: "service"`), and
 * the federated identity it matched, checked again at every use.
 */
export async function issueAgentAccessToken(options: {
  agentId: string;
  federatedIdentityId: string;
  workload: { iss: string; sub: string };
  audience: string;
  issuer: string;
  clock: Clock;
}): Promise<{ token: string; jti: string; expiresIn: number; kid: string }> {
  const issuedAt = Math.floor(options.clock.now().getTime() / 1000);
  const signingKey = await getSigningKey({ clock: options.clock });
  const jti = randomUUID();
  const token = await new SignJWT({
    client_id: options.agentId,
    scope: AGENT_SCOPE,
    sub_profile: "ai_agent",
    act: { sub: options.workload.sub, iss: options.workload.iss, sub_profile: "service" },
    [FEDERATED_IDENTITY_CLAIM]: options.federatedIdentityId,
  })
    .setProtectedHeader({ alg: signingKey.algorithm, typ: GRANT_TOKEN_TYPE, kid: signingKey.kid })
    .setIssuer(options.issuer)
    .setSubject(options.agentId)
    .setAudience(options.audience)
    .setJti(jti)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + AGENT_ACCESS_TOKEN_SECONDS)
    .sign(signingKey.privateKey);
  return { token, jti, expiresIn: AGENT_ACCESS_TOKEN_SECONDS, kid: signingKey.kid };
}
