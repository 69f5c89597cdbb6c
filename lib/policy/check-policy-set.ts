import { policyValidationError } from "./policy-validation-error";
import type { PolicyDocument } from "./schemas";
import { validatePolicies } from "./validate-policies";

/** A set as it would be saved, or a 400 whose `errors[]` name each problem's policy, line and column. */
export function checkPolicySet(policies: readonly PolicyDocument[]): void {
  const { errors } = validatePolicies(policies);
  if (errors.length > 0) throw policyValidationError(errors);
}
