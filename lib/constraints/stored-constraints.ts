import { constraintsSchema, type Constraints } from "@/lib/kernel/authorization-details";

/**
 * Constraints as a database row holds them (JSON): null when unconstrained. A value of any other shape —
 * written by hand, or by a later version — covers no call, so a decision fails closed on it.
 */
export function storedConstraints(value: unknown): Constraints | null {
  if (value === null || value === undefined) return null;
  const parsed = constraintsSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
