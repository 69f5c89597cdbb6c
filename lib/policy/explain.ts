import type { ReadPolicy } from "./read-policy";
import type { PolicyExplanation } from "./schemas";

/** A policy as an explanation: its id and its @reason (or, without one, what it is). */
export const explain = (policy: ReadPolicy): PolicyExplanation => ({
  id: policy.id,
  reason: policy.annotations.reason ?? `${policy.effect === "forbid" ? "Forbidden" : "Permitted"} by policy ${policy.id}`,
});

/** Explanations of several verdicts, each policy once, in the order first met. */
export function explainAll(policies: Iterable<ReadPolicy>): PolicyExplanation[] {
  const seen = new Map<string, PolicyExplanation>();
  for (const policy of policies) if (!seen.has(policy.id)) seen.set(policy.id, explain(policy));
  return [...seen.values()];
}
