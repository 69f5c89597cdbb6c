import { cedar } from "./cedar";
import { BATON_CEDAR_SCHEMA } from "./policy-schema";
import { placeErrors, readPolicy, type ReadPolicy } from "./read-policy";
import type { PolicyDocument, PolicyValidationError } from "./schemas";

/**
 * Checks a whole policy set as it would be saved: each policy parses on its own, its annotations are ones
 * Baton reads, and the set validates against Baton's Cedar schema (strict mode: unknown attributes,
 * wrong types and impossible actions are errors). Errors name the policy, line and column.
 */
export function validatePolicies(policies: readonly PolicyDocument[]): { read: ReadPolicy[]; errors: PolicyValidationError[] } {
  const read: ReadPolicy[] = [];
  const errors: PolicyValidationError[] = [];
  for (const policy of policies) {
    const result = readPolicy(policy);
    if (result.policy) read.push(result.policy);
    else errors.push(...result.errors);
  }
  if (read.length === 0) return { read, errors };
  const answer = cedar.validate({
    schema: BATON_CEDAR_SCHEMA,
    policies: { staticPolicies: Object.fromEntries(read.map((policy) => [policy.id, policy.text])) },
    validationSettings: { mode: "strict" },
  });
  if (answer.type === "failure")
    return { read, errors: [...errors, ...answer.errors.map((error) => ({ policyId: null, line: null, column: null, message: error.message }))] };
  const byId = new Map(policies.map((policy) => [policy.id, policy]));
  for (const { policyId, error } of answer.validationErrors) errors.push(...placeErrors(byId.get(policyId) ?? { id: policyId, text: "" }, [error]));
  return { read, errors };
}
