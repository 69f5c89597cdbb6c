import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { isGrantLive } from "@/lib/kernel/live-grant";
import { findVerificationKey } from "@/lib/signing-keys/find-verification-key";
import { scopesOf } from "@/lib/kernel/grant-token-format";
import { INACTIVE, introspectionOf } from "./introspection-of";
import type { IntrospectionDto } from "./schemas";
import { verifyGrantToken } from "./verify-grant-token";
import { evaluateCallPolicies } from "@/lib/decisions/decide-access";
import { processDecisionContext } from "@/lib/decisions/process-decision-context";
import { storedConstraints } from "@/lib/constraints/stored-constraints";

/**
 * RFC 7662 for the calling resource server: a token is active only if Baton signed it for this
 * audience, it has not expired, and — read from the database now, not from the token — its grant is
 * still valid, its agent still active, and some of its scopes are still enforced by this resource
 * server and allowed by the call policies (a policy the set cannot evaluate makes the token inactive). Anything else gets exactly {"active": false}, so a caller learns nothing about why.
 */
export async function introspectGrantToken(options: { token: string; audience: string; issuer: string; clock?: Clock }): Promise<IntrospectionDto> {
  const now = (options.clock ?? systemClock).now();
  const claims = await verifyGrantToken({ token: options.token, issuer: options.issuer, audience: options.audience, findKey: findVerificationKey, now });
  if (!claims) return INACTIVE;
  const grant = await prisma.grant.findUnique({ where: { id: claims.grant_id }, include: { agent: { select: { status: true } } } });
  if (!grant || grant.agentId !== claims.sub || grant.agent.status !== "ACTIVE" || !isGrantLive(grant, now)) return INACTIVE;
  const tokenScopes = scopesOf(claims).filter((scope) => grant.scopes.includes(scope));
  const served = await prisma.scope.findMany({
    where: { key: { in: tokenScopes }, resourceServer: { audience: options.audience, revokedAt: null } },
    select: { key: true },
  });
  const servedScopes = tokenScopes.filter((key) => served.some((scope) => scope.key === key));
  const context = processDecisionContext();
  try {
    const { allowed, policies } = await evaluateCallPolicies(context.policies, {
      agentId: grant.agentId,
      scopes: servedScopes,
      now,
      grant: {
        id: grant.id,
        scopes: grant.scopes,
        startsAt: grant.startsAt,
        expiresAt: grant.expiresAt,
        constraints: storedConstraints(grant.authorizationDetails),
      },
      call: {},
    });
    return introspectionOf(claims, allowed, policies);
  } catch (error) {
    // The policies could not be read or evaluated: Baton cannot tell, so the token is inactive.
    context.onError?.(error);
    return INACTIVE;
  }
}
