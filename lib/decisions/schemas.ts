import { z } from "zod";
import { idOf, isoDate, plainText, scopeKeySchema } from "@/lib/kernel/common-schemas";
import { MAX_GRANT_TOKEN_LENGTH } from "@/lib/kernel/grant-token-format";
import { policyExplanationSchema } from "@/lib/policy/schemas";

export const DECISION_REASONS = [
  "granted",
  "token_invalid",
  "token_expired",
  "scope_not_in_token",
  "scope_not_served",
  "agent_disabled",
  "no_grant",
  "grant_inactive",
  "grant_not_started",
  "grant_expired",
  "policy_denied",
  "policy_error",
  "unavailable",
] as const;

const decisionReasonSchema = z.enum(DECISION_REASONS).meta({
  description:
    "granted; token_invalid (not a token Baton issued for this resource server); token_expired; scope_not_in_token; scope_not_served (the scope is not enforced by this resource server); agent_disabled; no_grant (no live grant covers the scope); grant_inactive (the token's grant was revoked or has ended); grant_not_started; grant_expired; policy_denied (a call policy forbids it, or none permits it: see policies); policy_error (a policy could not be evaluated: deny); unavailable (Baton could not read the current state: deny)",
});

export const decisionQuestionBody = z
  .union(
    [
      z.strictObject({
        token: z
          .string()
          .min(1)
          .meta({
            description: `The grant token the agent presented; anything that is not a grant token Baton issued for the caller (longer than ${MAX_GRANT_TOKEN_LENGTH} characters, malformed, forged) is denied as token_invalid`,
          }),
        scope: scopeKeySchema
          .optional()
          .meta({ description: "The scope this call needs; without it, the question is whether the token is still good for any of its scopes" }),
      }),
      z.strictObject({
        agentId: idOf("agt"),
        scope: scopeKeySchema,
        resource: plainText(512).optional().meta({ description: "The object the call touches. Grants are per scope, so it does not change the answer today." }),
      }),
    ],
    { error: "send either {token, scope?} or {agentId, scope, resource?}" },
  )
  .meta({ id: "DecisionQuestion" });

export const decisionSchema = z
  .object({
    allow: z.boolean(),
    reason: decisionReasonSchema,
    grantId: z.string().optional().meta({ description: "The grant that allows the call" }),
    expiresAt: isoDate.optional().meta({ description: "When this allow stops holding at the latest: the grant's expiry, or the token's when that is earlier" }),
    policies: z
      .array(policyExplanationSchema)
      .optional()
      .meta({ description: "The call policies behind the answer, with their @reason: the permits of an allow, the forbids of a policy deny" }),
  })
  .meta({ id: "Decision" });

export type DecisionQuestion = z.infer<typeof decisionQuestionBody>;
export type DecisionReason = (typeof DECISION_REASONS)[number];
export type DecisionDto = z.infer<typeof decisionSchema>;
