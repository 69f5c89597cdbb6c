import { evaluateCallPolicies, readGrantsOfToken, tokenFactsOf, verifiedTokenClaims, type DecisionContext } from "@/lib/decisions/decide-access";
import { evaluateAccess } from "@/lib/decisions/evaluate-access";
import { INACTIVE, introspectionOf } from "@/lib/grant-tokens/introspection-of";
import type { IntrospectionDto } from "@/lib/grant-tokens/schemas";

/**
 * RFC 7662 from the grant index: active exactly when a decision on the token alone would allow (signed
 * for this audience, unexpired, its grant live, its agent active, a call policy allowing), listing the
 * token's scopes that its grant still holds, the caller enforces and the call policies allow, with those
 * policies (`baton_policies`). When the state cannot be read, inactive.
 */
export async function introspectFromIndex(options: DecisionContext & { token: string; audience: string; issuer: string }): Promise<IntrospectionDto> {
  const { audience } = options;
  const now = options.clock.now();
  try {
    const claims = await verifiedTokenClaims({ ...options, now });
    if (!claims) return INACTIVE;
    const view = await readGrantsOfToken(options.index, claims);
    const token = tokenFactsOf(claims);
    const decision = evaluateAccess({ agent: view.agent, scope: undefined, callerAudience: audience, scopeAudiences: view.scopeAudiences, now, token });
    const grant = decision.allow ? view.agent?.grants.find((candidate) => candidate.id === claims.grant_id) : undefined;
    if (!grant) return INACTIVE;
    const served = token.scopes.filter((scope) => grant.scopes.includes(scope) && view.scopeAudiences.get(scope) === audience);
    const { allowed, policies } = await evaluateCallPolicies(options.policies, { agentId: claims.sub, scopes: served, now, grant, call: {} });
    return introspectionOf(claims, allowed, policies);
  } catch (error) {
    options.onError?.(error);
    return INACTIVE;
  }
}
