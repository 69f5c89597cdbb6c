import { isWithinGrantWindow } from "@/lib/kernel/live-grant";
import { coversCall } from "@/lib/constraints/covers-call";
import type { AgentGrants, IndexedGrant, ScopeAudiences } from "./decision-source";
import type { DecisionDto, DecisionReason } from "./schemas";

/** What a verified token adds to the question: which grant it speaks for, its scopes and its expiry. */
export interface TokenFacts {
  grantId: string;
  scopes: readonly string[];
  expiresAt: Date;
}

/** What the call touches and does, as the question describes it: checked against a constrained grant. */
export interface CallFacts {
  resource?: { type: string; id: string } | undefined;
  action?: string | undefined;
}

const deny = (reason: DecisionReason): DecisionDto => ({ allow: false, reason });

/**
 * The one decision rule, on a snapshot of an agent's grants: allow only if a grant covering the scope is
 * valid at `now` (startsAt ≤ now < expiresAt — times are compared here, so a grant past its expiry is
 * denied whether or not anything has marked it), the agent is active, and the calling resource server
 * enforces the scope. With a token, the grant must be the token's own, the scope must be in the token,
 * and the token must not have expired. With `call` (every decision; introspection has none), a grant with
 * constraints allows only a call some entry covers (else `outside_constraints`); an unconstrained grant
 * ignores the call's resource.
 */
export function evaluateAccess(options: {
  agent: AgentGrants | null;
  /** Undefined only with a token: "is this token still good for any of its scopes here?" */
  scope: string | undefined;
  callerAudience: string;
  scopeAudiences: ScopeAudiences;
  now: Date;
  token?: TokenFacts;
  call?: CallFacts;
}): DecisionDto {
  const { agent, scope, token } = options;
  const now = options.now.getTime();
  const served = (key: string) => options.scopeAudiences.get(key) === options.callerAudience;

  if (token && now >= token.expiresAt.getTime()) return deny("token_expired");
  if (token && scope !== undefined && !token.scopes.includes(scope)) return deny("scope_not_in_token");
  if (scope !== undefined && !served(scope)) return deny("scope_not_served");
  if (!agent) return deny(token ? "grant_inactive" : "no_grant");
  if (!agent.active) return deny("agent_disabled");

  const ownGrants = token ? agent.grants.filter((grant) => grant.id === token.grantId) : agent.grants;
  if (ownGrants.length === 0) return deny(token ? "grant_inactive" : "no_grant");
  const covers = (grant: IndexedGrant) =>
    scope === undefined ? grant.scopes.some((key) => token?.scopes.includes(key) && served(key)) : grant.scopes.includes(scope);
  const candidates = ownGrants.filter(covers);
  if (candidates.length === 0) return deny(scope === undefined ? "scope_not_served" : "no_grant");

  const live = candidates.filter((grant) => isWithinGrantWindow(grant, options.now));
  if (live.length === 0) return deny(candidates.some((grant) => now < grant.startsAt.getTime()) ? "grant_not_started" : "grant_expired");
  const { call } = options;
  const within = (grant: IndexedGrant) =>
    call === undefined ||
    (scope === undefined ? grant.scopes.filter((key) => token?.scopes.includes(key) && served(key)) : [scope]).some((key) =>
      coversCall(grant.constraints, { scope: key, ...call }),
    );
  const allowed = live.filter(within);
  if (allowed.length === 0) return deny("outside_constraints");
  const longest = allowed.reduce((best, grant) => (grant.expiresAt > best.expiresAt ? grant : best));
  const until = token && token.expiresAt < longest.expiresAt ? token.expiresAt : longest.expiresAt;
  return { allow: true, reason: "granted", grantId: longest.id, expiresAt: until.toISOString() };
}
