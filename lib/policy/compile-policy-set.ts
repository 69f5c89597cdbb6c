import { cedar } from "./cedar";
import type { CedarQuestion } from "./policy-facts";
import { ENTITY_TYPES, POLICY_ACTIONS, type PolicyAction } from "./policy-schema";
import type { ReadPolicy } from "./read-policy";

export interface PolicyVerdict {
  decision: "allow" | "deny";
  /** What decided it: the satisfied permits of an allow, the satisfied forbids of a deny (none: no permit applied). */
  determining: ReadPolicy[];
  /** Policies that could not be evaluated (Cedar skips them); callers fail closed on any. */
  errors: { policyId: string; message: string }[];
}

export interface CompiledPolicySet {
  hash: string;
  policies: readonly ReadPolicy[];
  byId: ReadonlyMap<string, ReadPolicy>;
  /** Answers one question about one scope, asking Cedar only when the policies that may apply need it. */
  evaluate(action: PolicyAction, scopeKey: string, question: () => CedarQuestion): PolicyVerdict;
  /** Whether answering needs the facts (false when no policy applies, or only unconditional permits do). */
  needsFacts(action: PolicyAction, scopeKey: string): boolean;
  /** How many policies may apply to this action on this scope (for benchmarks and explanations). */
  applicableCount(action: PolicyAction, scopeKey: string): number;
}

interface Partition {
  policies: ReadPolicy[];
  /** The answer when Cedar need not be asked: no policy applies (deny), or only unconditional permits do (allow). */
  shortcut: PolicyVerdict | null;
  setId: string | null;
}

// Cedar keeps pre-parsed policy sets for the life of the process, by id: one per partition actually asked.
let preparsedCount = 0;

// Cedar's answers are not memoized. Under load, baton pdp evaluating call policies with Cedar has
// crashed intermittently with a V8 fatal error ("unreachable code" in the deoptimizer, a known class of
// Node 20 bugs), with and without a memo; the cause is not yet isolated. `npm run bench -- p7` shows it.

/**
 * Files each policy under the actions and the scope its head admits, so a question about one scope on one
 * action is evaluated against only the policies that could apply to it: ten thousand policies about other
 * scopes cost nothing. A partition of unconditional permits (the generated defaults) is answered without
 * calling into WebAssembly at all; everything else is evaluated by Cedar, pre-parsed once per partition.
 */
export function compilePolicySet(hash: string, policies: readonly ReadPolicy[]): CompiledPolicySet {
  const generic = new Map<PolicyAction, ReadPolicy[]>(POLICY_ACTIONS.map((action) => [action, []]));
  const specific = new Map<PolicyAction, Map<string, ReadPolicy[]>>(POLICY_ACTIONS.map((action) => [action, new Map()]));
  for (const policy of policies)
    for (const action of policy.actions) {
      if (policy.scopeKey === null) generic.get(action)!.push(policy);
      else {
        const byScope = specific.get(action)!;
        byScope.set(policy.scopeKey, [...(byScope.get(policy.scopeKey) ?? []), policy]);
      }
    }
  const partitions = new Map<string, Partition>();

  const partitionOf = (action: PolicyAction, scopeKey: string): Partition => {
    const specificPolicies = specific.get(action)!.get(scopeKey);
    // Scopes no policy names share their action's partition.
    const key = specificPolicies ? `${action}\u0000${scopeKey}` : action;
    let partition = partitions.get(key);
    if (!partition) {
      const applicable = [...generic.get(action)!, ...(specificPolicies ?? [])];
      const trivial = applicable.every((policy) => policy.effect === "permit" && policy.unconditional);
      partition = {
        policies: applicable,
        shortcut: trivial ? { decision: applicable.length > 0 ? "allow" : "deny", determining: applicable, errors: [] } : null,
        setId: null,
      };
      partitions.set(key, partition);
    }
    return partition;
  };

  const byId = new Map(policies.map((policy) => [policy.id, policy]));
  return {
    hash,
    policies,
    byId,
    needsFacts: (action, scopeKey) => partitionOf(action, scopeKey).shortcut === null,
    applicableCount: (action, scopeKey) => partitionOf(action, scopeKey).policies.length,
    evaluate(action, scopeKey, question) {
      const partition = partitionOf(action, scopeKey);
      if (partition.shortcut) return partition.shortcut;
      if (partition.setId === null) {
        const setId = `${hash}#${++preparsedCount}`;
        const parsed = cedar.preparsePolicySet(setId, { staticPolicies: Object.fromEntries(partition.policies.map((p) => [p.id, p.text])) });
        if (parsed.type === "failure") return { decision: "deny", determining: [], errors: parsed.errors.map((e) => ({ policyId: "*", message: e.message })) };
        partition.setId = setId;
      }
      return askCedar(partition.setId, action, question());
    },
  };

  function askCedar(setId: string, action: PolicyAction, { principal, resource, context, entities }: CedarQuestion): PolicyVerdict {
    const answer = cedar.statefulIsAuthorized({
      principal,
      action: { type: ENTITY_TYPES.action, id: action },
      resource,
      context,
      entities,
      preparsedPolicySetId: setId,
      validateRequest: false,
    });
    if (answer.type === "failure") return { decision: "deny", determining: [], errors: answer.errors.map((e) => ({ policyId: "*", message: e.message })) };
    const { decision, diagnostics } = answer.response;
    return {
      decision,
      // By id: Cedar reports them in no particular order, and explanations should read the same every time.
      determining: [...diagnostics.reason]
        .sort()
        .map((id) => byId.get(id))
        .filter((policy): policy is ReadPolicy => policy !== undefined),
      errors: diagnostics.errors.map(({ policyId, error }) => ({ policyId, message: error.message })),
    };
  }
}
