import { z } from "zod";

/** A policy's id: what explanations, audit events and diffs name it by. */
export const POLICY_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
export const MAX_POLICIES = 10_000;
export const MAX_POLICY_TEXT = 20_000;

export const policyDocumentSchema = z
  .strictObject({
    id: z.string().regex(POLICY_ID, "letters, digits and . _ : / -, starting with a letter or digit, at most 100"),
    text: z.string().min(1).max(MAX_POLICY_TEXT).meta({ description: "One Cedar policy (permit or forbid), with its annotations" }),
  })
  .meta({ id: "PolicyDocument" });

export const policyListSchema = z
  .array(policyDocumentSchema)
  .max(MAX_POLICIES)
  .superRefine((policies, ctx) => {
    const seen = new Set<string>();
    policies.forEach((policy, index) => {
      if (seen.has(policy.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `duplicate policy id ${policy.id}` });
      seen.add(policy.id);
    });
  });

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export const policyValidationErrorSchema = z
  .object({
    policyId: z.string().nullable(),
    line: z.number().int().nullable(),
    column: z.number().int().nullable(),
    message: z.string(),
  })
  .meta({ id: "PolicyValidationError" });
export type PolicyValidationError = z.infer<typeof policyValidationErrorSchema>;

/** One policy that decided an outcome, and why in words. */
export const policyExplanationSchema = z.object({ id: z.string(), reason: z.string() }).meta({ id: "PolicyExplanation" });
export type PolicyExplanation = z.infer<typeof policyExplanationSchema>;
