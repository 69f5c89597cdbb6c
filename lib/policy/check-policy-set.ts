import { AppError } from "@/lib/kernel/errors";
import type { PolicyDocument } from "./schemas";
import { validatePolicies } from "./validate-policies";

/**
 * A set as it would be saved, or a 400 whose `errors[]` name each problem's policy, line and column
 * (and, as every field error does, the body field: `policies.<index>.text`).
 */
export function checkPolicySet(policies: readonly PolicyDocument[]): void {
  const { errors } = validatePolicies(policies);
  if (errors.length === 0) return;
  const indexOf = new Map(policies.map((policy, index) => [policy.id, index]));
  const first = errors[0]!;
  throw new AppError(
    "BAD_REQUEST",
    `The policy set does not validate: ${first.policyId ? `${first.policyId}${first.line ? ` line ${first.line}:${first.column}` : ""}: ` : ""}${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`,
    {
      errors: errors.map((error) => {
        const index = error.policyId === null ? undefined : indexOf.get(error.policyId);
        return { field: index === undefined ? "policies" : `policies.${index}.text`, ...error };
      }),
    },
  );
}
