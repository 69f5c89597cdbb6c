import type { Clock } from "@/lib/kernel/clock";
import { scopesOf, type GrantTokenClaims } from "@/lib/kernel/grant-token-format";
import { verifyGrantToken, type FindVerificationKey } from "@/lib/grant-tokens/verify-grant-token";
import type { GrantIndex, GrantView } from "./create-grant-index";
import type { VerifiedTokenCache } from "./create-verified-token-cache";
import { evaluateAccess, type TokenFacts } from "./evaluate-access";
import type { DecisionDto, DecisionQuestion } from "./schemas";

/** What a decision runs on: Baton wires it to its database and change feed; a standalone decision point to its own. */
export interface DecisionContext {
  index: GrantIndex;
  tokenCache: VerifiedTokenCache;
  findKey: FindVerificationKey;
  clock: Clock;
  onError?: (error: unknown) => void;
}

/**
 * The claims of a token Baton signed for this audience, from the cache when its signature was verified
 * before; null for anything else. Key lookups that fail are thrown.
 */
export async function verifiedTokenClaims(
  options: DecisionContext & { token: string; audience: string; issuer: string; now: Date },
): Promise<GrantTokenClaims | null> {
  const { token, audience, issuer, now } = options;
  const cached = options.tokenCache.get(token, now);
  const claims = cached ?? (await verifyGrantToken({ token, issuer, audience, findKey: options.findKey, now }));
  if (!claims || claims.aud !== audience || claims.iss !== issuer) return null;
  if (!cached) options.tokenCache.set(token, claims);
  return claims;
}

/** The token's agent's grants, read afresh when the index does not know the token's grant. */
export async function readGrantsOfToken(index: GrantIndex, claims: GrantTokenClaims): Promise<GrantView> {
  const view = await index.read(claims.sub);
  // A signed token proves its grant was live when issued: if the index does not know it, ask the source
  // whether it has ended or the index has simply not caught up with it yet.
  if (view.from === "index" && !view.agent?.grants.some((grant) => grant.id === claims.grant_id)) return index.read(claims.sub, { fresh: true });
  return view;
}

export const tokenFactsOf = (claims: GrantTokenClaims): TokenFacts => ({
  grantId: claims.grant_id,
  scopes: scopesOf(claims),
  expiresAt: new Date(claims.exp * 1000),
});

/**
 * Answers a resource server: may this call go ahead? By token (verified as introspection does, for the
 * caller's own audience) or by agent id and scope. The grant's current state comes from the index on
 * every call. When the current state cannot be read, the answer is a deny ("unavailable"), never an error
 * a careless caller might treat as an allow.
 */
export async function decideAccess(options: DecisionContext & { question: DecisionQuestion; audience: string; issuer: string }): Promise<DecisionDto> {
  const { question, audience, index } = options;
  const now = options.clock.now();
  const call = { resource: question.resource, action: question.context?.action };
  try {
    if (!("token" in question)) {
      const view = await index.read(question.agentId);
      return evaluateAccess({ agent: view.agent, scope: question.scope, callerAudience: audience, scopeAudiences: view.scopeAudiences, now, call });
    }
    const claims = await verifiedTokenClaims({ ...options, token: question.token, now });
    if (!claims) return { allow: false, reason: "token_invalid" };
    const view = await readGrantsOfToken(index, claims);
    return evaluateAccess({
      agent: view.agent,
      scope: question.scope,
      callerAudience: audience,
      scopeAudiences: view.scopeAudiences,
      now,
      token: tokenFactsOf(claims),
      call,
    });
  } catch (error) {
    options.onError?.(error);
    return { allow: false, reason: "unavailable" };
  }
}
