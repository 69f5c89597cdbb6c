import { z } from "zod";
import { idOf, isoDate, scopeKeySchema } from "@/lib/kernel/common-schemas";
import { callContextSchema, callResourceSchema } from "@/lib/constraints/schemas";
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
  "outside_constraints",
  "unavailable",
] as const;

const decisionReasonSchema = z.enum(DECISION_REASONS).meta({
  description:
    "granted; token_invalid (not a token Baton issued for this resource server); token_expired; scope_not_in_token; scope_not_served (the scope is not enforced by this resource server); agent_disabled; no_grant (no live grant covers the scope); grant_inactive (the token's grant was revoked or has ended); grant_not_started; grant_expired; policy_denied (a call policy forbids it, or none permits it: see policies); policy_error (a policy could not be evaluated: deny); outside_constraints (the live grant has constraints — RFC 9396 authorization details — and none covers the call's resource and action); unavailable (Baton could not read the current state: deny)",
});

const callResource = callResourceSchema
  .optional()
  .meta({ description: "The object the call touches; a grant constrained to locations allows only calls whose resource one of them covers" });
const callContext = callContextSchema.optional().meta({ description: "Facts about the call; `action` is compared with a constrained grant's actions" });

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
        resource: callResource,
        context: callContext,
      }),
      z.strictObject({
        agentId: idOf("agt"),
        scope: scopeKeySchema,
        resource: callResource,
        context: callContext,
      }),
    ],
    { error: "send either {token, scope?, resource?, context?} or {agentId, scope, resource?, context?}" },
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
