import { z } from "zod";
import { cursorPageQuery, emailSchema, idOf, isoDate, pageOf, plainText, scopeKeySchema } from "@/lib/kernel/common-schemas";
import { grantSchema } from "@/lib/grants/schemas";
import { routingSchema } from "@/lib/policy/routing-schemas";
import { authorizationDetailsField, constraintsSchema } from "@/lib/constraints/schemas";

export const MAX_SCOPES_PER_REQUEST = 20;
export const MAX_REQUEST_DURATION_SECONDS = 7 * 24 * 3600;

export const fileRequestBody = z
  .strictObject({
    scopes: z
      .array(scopeKeySchema)
      .min(1, "must name at least one scope")
      .max(MAX_SCOPES_PER_REQUEST, `must name at most ${MAX_SCOPES_PER_REQUEST} scopes`)
      .refine((scopes) => new Set(scopes).size === scopes.length, "must not repeat a scope"),
    justification: plainText(1000).pipe(z.string().min(10, "must explain the need in at least 10 characters")),
    durationSeconds: z
      .number()
      .int("must be a whole number of seconds")
      .min(60, "must be at least 60 seconds")
      .max(MAX_REQUEST_DURATION_SECONDS, `must be at most ${MAX_REQUEST_DURATION_SECONDS} seconds`),
    onBehalfOf: emailSchema.optional().meta({ description: "Email of the Baton user the agent acts for" }),
    incidentId: idOf("inc").optional().meta({ description: "Bind the request (and its grant) to an open incident" }),
    contextRef: plainText(200).optional().meta({ description: "A ticket, change or other reference shown to approvers" }),
    authorizationDetails: authorizationDetailsField,
  })
  .meta({ id: "FileAccessRequest" });

export type FileRequestBody = z.infer<typeof fileRequestBody>;

export const requestStatusSchema = z.enum(["PENDING", "APPROVED", "DENIED", "CANCELLED", "EXPIRED"]);

export const accessRequestSchema = z
  .object({
    id: z.string().meta({ example: "req_01jd3z8k6q4d2w5h7x9c0v1b2n" }),
    status: requestStatusSchema,
    agentId: z.string(),
    scopes: z.array(scopeKeySchema).meta({ description: "What was asked; what was granted is on `grant`" }),
    justification: z.string(),
    durationSeconds: z.number().int(),
    onBehalfOf: z.string().nullable(),
    incidentId: z.string().nullable(),
    contextRef: z.string().nullable(),
    authorizationDetails: constraintsSchema.nullable().meta({ description: "The constraints asked for; null = unconstrained. What was granted is on `grant`" }),
    createdAt: isoDate,
    pendingExpiresAt: isoDate.meta({ description: "When the request lapses if still pending" }),
    decidedAt: isoDate.nullable(),
    reason: z.string().nullable().meta({ description: "Why it was denied or cancelled" }),
    routing: routingSchema.nullable().meta({ description: "What the policy set decided at filing, and why (null for requests filed before policies)" }),
    grant: grantSchema.nullable(),
  })
  .meta({ id: "AccessRequest" });

export type AccessRequestDto = z.infer<typeof accessRequestSchema>;

export const getRequestQuery = z.object({
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(60, "must be at most 60 seconds")
    .optional()
    .meta({ description: "Long-poll: answer as soon as the request leaves PENDING, or with the current state after this many seconds" }),
});

export const listRequestsQuery = cursorPageQuery.extend({
  status: requestStatusSchema.optional(),
});

export const accessRequestPage = pageOf(accessRequestSchema).meta({ id: "AccessRequestPage" });

/** A request id in a path: anything else (a NUL byte, a 64 KiB string) is a 400 before the database sees it. */
export const requestParams = z.object({ id: idOf("req") });

export const cancelRequestBody = z.strictObject({ reason: plainText(500).optional() }).default({});
