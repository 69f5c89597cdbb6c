import { AppError } from "@/lib/kernel/errors";
import type { PolicyValidationError } from "./schemas";

/** A 400 whose `errors[]` name each failing policy, line and column (and, as every problem does, a field). */
export function policyValidationError(errors: readonly PolicyValidationError[]): AppError {
  const first = errors[0];
  const where = first ? `${first.policyId ?? "the policy set"}${first.line ? `, line ${first.line}, column ${first.column}` : ""}` : "";
  return new AppError("BAD_REQUEST", `The policy set does not validate: ${where}: ${first?.message ?? "no policies"}`, {
    errors: errors.map((error) => ({ field: error.policyId ? `policies.${error.policyId}` : "policies", ...error })),
  });
}
