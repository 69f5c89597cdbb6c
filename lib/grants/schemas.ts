import { z } from "zod";
import { idOf, isoDate, plainText, scopeKeySchema } from "@/lib/api/common-schemas";

export const grantSchema = z
  .object({
    id: z.string().meta({ example: "grt_01jd3z8k6q4d2w5h7x9c0v1b2n" }),
    requestId: z.string().nullable(),
    agentId: z.string(),
    onBehalfOf: z.string().nullable().meta({ description: "Email of the person the agent acts for" }),
    scopes: z.array(scopeKeySchema),
    status: z.enum(["ACTIVE", "EXPIRED", "REVOKED"]).meta({ description: "The state at the time of the response, whether or not a background job has marked it" }),
    startsAt: isoDate,
    expiresAt: isoDate,
    secondsRemaining: z.number().int(),
    incidentId: z.string().nullable(),
    contextRef: z.string().nullable(),
    revokedAt: isoDate.nullable(),
    revokeReason: z.string().nullable(),
  })
  .meta({ id: "Grant" });

export type GrantDto = z.infer<typeof grantSchema>;

export const listGrantsQuery = z.object({
  status: z.enum(["active", "expired", "revoked", "all"]).default("active"),
});

export const revokeGrantBody = z.strictObject({ reason: plainText(500).optional().meta({ description: "Why, kept with the grant and in the audit log" }) }).default({});

export const grantParams = z.object({ id: idOf("grt") });
