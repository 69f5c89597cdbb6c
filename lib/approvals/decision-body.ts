import { z } from "zod";
import { plainText, scopeKeySchema } from "@/lib/kernel/common-schemas";
import { constraintsSchema } from "@/lib/constraints/schemas";

export const decisionBody = z.discriminatedUnion("decision", [
  z.strictObject({
    decision: z.literal("approve"),
    comment: plainText(1000).default(""),
    scopes: z.array(scopeKeySchema).max(20).optional().meta({ description: "Narrow to these of the requested scopes" }),
    durationSeconds: z.number().int().min(60).optional().meta({ description: "Shorten the duration" }),
    authorizationDetails: constraintsSchema
      .optional()
      .meta({ description: "Narrow the constraints: each entry must fall within a requested one (any entry narrows an unconstrained request)" }),
  }),
  z.strictObject({ decision: z.literal("deny"), reason: plainText(1000).pipe(z.string().min(3, "Say why the request is denied")) }),
]);

export type DecisionBody = z.infer<typeof decisionBody>;
