import type { Clock } from "@/lib/kernel/clock";
import { scopesOf, type GrantTokenClaims } from "@/lib/kernel/grant-token-format";
import { verifyGrantToken, type FindVerificationKey } from "@/lib/grant-tokens/verify-grant-token";
import type { GrantIndex, GrantView } from "./create-grant-index";
import type { VerifiedTokenCache } from "./create-verified-token-cache";
import { evaluateAccess, type TokenFacts } from "./evaluate-access";
import type { PolicyIndex } from "@/lib/policy/create-policy-index";
import { decideCall } from "@/lib/policy/decide-call";
import { callQuestion } from "@/lib/policy/policy-facts";
import type { DecisionDto, DecisionQuestion } from "./schemas";
import type { PolicyExplanation } from "@/lib/policy/schemas";
import type { IndexedGrant } from "./decision-source";
import type { CallResource } from "@/lib/constraints/schemas";

/** What a decision runs on: Baton wires it to its database and change feed; a standalone decision point to its own. */
export interface DecisionContext {
  index: GrantIndex;
  tokenCache: VerifiedTokenCache;
  findKey: FindVerificationKey;
  clock: Clock;
  /** The active policy set and what its policies look at, kept beside the grant index. */
  policies: PolicyIndex;
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

type CallPolicyInput = {
  agentId: string;
  scopes: readonly string[];
  now: Date;
  grant: IndexedGrant | undefined;
  call: { resource?: CallResource; action?: string };
};

/**
 * The `call` policies on each of the scopes: which of them policy allows (with the permits behind
 * them) and, when none is, why the first was denied. The facts are looked up only when a policy needs
 * them; facts the directory cannot supply throw, and the caller denies.
 */
export async function evaluateCallPolicies(policies: PolicyIndex, input: CallPolicyInput) {
  const set = await policies.policySet();
  const allowed: string[] = [];
  const explanations: PolicyExplanation[] = [];
  let denial: DecisionDto | null = null;
  for (const scopeKey of input.scopes) {
    const facts = set.needsFacts("call", scopeKey) ? await callFacts(policies, input, scopeKey) : null;
    const verdict = decideCall(set, scopeKey, () => {
      if (!facts) throw new Error("policy facts were not loaded");
      return callQuestion(facts);
    });
    if (verdict.allow) {
      allowed.push(scopeKey);
      for (const policy of verdict.policies) if (!explanations.some((known) => known.id === policy.id)) explanations.push(policy);
      continue;
    }
    for (const error of verdict.reason === "policy_error" ? verdict.errors : []) policies.reportEvaluationError(error.policyId, error.message);
    denial ??= { allow: false, reason: verdict.reason, policies: verdict.policies };
  }
  return { allowed, policies: explanations, denial };
}

/**
 * The policy half of a decision the grant half allowed: the `call` policies, asked about the scope (or,
 * for a token-only question, about each of the grant's scopes served here: allowed when any is).
 */
async function applyCallPolicies(options: DecisionContext, decision: DecisionDto, input: CallPolicyInput): Promise<DecisionDto> {
  const { allowed, policies, denial } = await evaluateCallPolicies(options.policies, input);
  if (allowed.length > 0) return { ...decision, policies };
  return denial ?? { allow: false, reason: "policy_denied", policies: [] };
}

const grantOf = (view: GrantView, decision: DecisionDto) => view.agent?.grants.find((grant) => grant.id === decision.grantId);

async function callFacts(policies: PolicyIndex, { agentId, grant, now, call }: CallPolicyInput, scopeKey: string) {
  const grantId = grant?.id ?? "";
  const directory = await policies.directory();
  const agent = directory.agents.get(agentId);
  const scope = directory.scopes.get(scopeKey);
  const binding = await policies.grantBinding(directory, grantId);
  if (!agent || !scope || !binding || !grant) throw new Error(`The policy directory does not know ${!agent ? agentId : !scope ? scopeKey : grantId}`);
  const person = (id: string | null) => (id ? (directory.persons.get(id) ?? null) : null);
  return {
    agent,
    scope,
    env: directory.environmentAt(now),
    grant: {
      id: grantId,
      scopes: grant.scopes,
      startsAt: grant.startsAt,
      expiresAt: grant.expiresAt,
      contextRef: binding.contextRef,
      onBehalfOf: person(binding.onBehalfOfId),
      incident: binding.incidentId ? (directory.incidents.get(binding.incidentId) ?? null) : null,
      locations: [...new Set((grant.constraints ?? []).flatMap((entry) => entry.locations ?? []))],
      actions: [...new Set((grant.constraints ?? []).flatMap((entry) => entry.actions ?? []))],
    },
    ...(call.resource ? { target: call.resource } : {}),
    ...(call.action !== undefined ? { action: call.action } : {}),
  };
}

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
      const decision = evaluateAccess({ agent: view.agent, scope: question.scope, callerAudience: audience, scopeAudiences: view.scopeAudiences, now, call });
      return decision.allow
        ? await applyCallPolicies(options, decision, { agentId: question.agentId, scopes: [question.scope], now, call, grant: grantOf(view, decision) })
        : decision;
    }
    const claims = await verifiedTokenClaims({ ...options, token: question.token, now });
    if (!claims) return { allow: false, reason: "token_invalid" };
    const view = await readGrantsOfToken(index, claims);
    const token = tokenFactsOf(claims);
    const decision = evaluateAccess({
      agent: view.agent,
      scope: question.scope,
      callerAudience: audience,
      scopeAudiences: view.scopeAudiences,
      now,
      token,
      call,
    });
    if (!decision.allow) return decision;
    const scopes = question.scope !== undefined ? [question.scope] : token.scopes.filter((key) => view.scopeAudiences.get(key) === audience);
    return await applyCallPolicies(options, decision, { agentId: claims.sub, scopes, now, call, grant: grantOf(view, decision) });
  } catch (error) {
    options.onError?.(error);
    return { allow: false, reason: "unavailable" };
  }
}
