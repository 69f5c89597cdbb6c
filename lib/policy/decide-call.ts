import type { CompiledPolicySet } from "./compile-policy-set";
import { explainAll } from "./explain";
import type { CedarQuestion } from "./policy-facts";
import type { PolicyExplanation } from "./schemas";

export type CallVerdict =
  | { allow: true; policies: PolicyExplanation[] }
  | { allow: false; reason: "policy_denied" | "policy_error"; policies: PolicyExplanation[]; errors: { policyId: string; message: string }[] };

/**
 * The policy half of a call decision (the grant half is evaluateAccess): a `forbid` on `call`, or no
 * permit, denies; so does any policy that cannot be evaluated, since Baton cannot tell what it would have
 * said. `question` is only built when a policy actually needs the facts.
 */
export function decideCall(set: CompiledPolicySet, scopeKey: string, question: () => CedarQuestion): CallVerdict {
  const verdict = set.evaluate("call", scopeKey, question);
  if (verdict.errors.length > 0)
    return {
      allow: false,
      reason: "policy_error",
      policies: verdict.errors.map((error) => ({ id: error.policyId, reason: `could not be evaluated: ${error.message}` })),
      errors: verdict.errors,
    };
  if (verdict.decision === "allow") return { allow: true, policies: explainAll(verdict.determining) };
  return { allow: false, reason: "policy_denied", policies: explainAll(verdict.determining), errors: [] };
}
