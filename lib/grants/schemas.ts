import { z } from "zod";
import { parseDuration } from "@/lib/kernel/duration";
import { constraintsSchema } from "@/lib/constraints/schemas";
import { emailSchema, idOf, isoDate, optionalParam, plainText, scopeKeySchema } from "@/lib/kernel/common-schemas";

export const grantSchema = z
  .object({
    id: z.string().meta({ example: "grt_01jd3z8k6q4d2w5h7x9c0v1b2n" }),
    requestId: z.string().nullable(),
    agentId: z.string(),
    onBehalfOf: z.string().nullable().meta({ description: "Email of the person the agent acts for" }),
    scopes: z.array(scopeKeySchema),
    status: z
      .enum(["ACTIVE", "EXPIRED", "REVOKED"])
      .meta({ description: "The state at the time of the response, whether or not a background job has marked it" }),
    startsAt: isoDate,
    expiresAt: isoDate,
    secondsRemaining: z.number().int(),
    incidentId: z.string().nullable(),
    contextRef: z.string().nullable(),
    authorizationDetails: constraintsSchema
      .nullable()
      .meta({ description: "RFC 9396 constraints every call under the grant must fall within; null = unconstrained" }),
    revokedAt: isoDate.nullable(),
    revokeReason: z.string().nullable(),
  })
  .meta({ id: "Grant" });

export type GrantDto = z.infer<typeof grantSchema>;

export const listGrantsQuery = z.object({
  status: z.enum(["active", "expired", "revoked", "all"]).default("active"),
});

/** Where the next page of grants starts: the last row's creation time (ms) and id, as `nextCursor` handed it out. */
export const grantCursorSchema = z.string().regex(/^\d{1,15}\.grt_[0-9a-z]{26}$/, "must be the nextCursor of the previous page");

const MAX_EXPIRING_WINDOW_SECONDS = 7 * 86_400;

/** `?expiring=15m`: a window written as people write durations (15m, 1h, 2d), kept as written so the URL round-trips. */
export const expiringParam = z
  .string()
  .max(16)
  .refine((text) => {
    const seconds = parseDuration(text);
    return seconds !== null && seconds > 0 && seconds <= MAX_EXPIRING_WINDOW_SECONDS;
  }, "must be a duration such as 15m or 1h, at most 7d");

/** The browser's grants list: every filter is optional and lives in the page's URL. */
export const grantSearchQuery = z.object({
  status: z.preprocess((value) => (value === "" ? undefined : value), listGrantsQuery.shape.status),
  agent: optionalParam(idOf("agt")),
  scope: optionalParam(scopeKeySchema),
  incident: optionalParam(idOf("inc")),
  onBehalfOf: optionalParam(emailSchema),
  expiring: optionalParam(expiringParam),
  cursor: optionalParam(grantCursorSchema),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type GrantSearch = z.infer<typeof grantSearchQuery>;

export const revokeGrantBody = z
  .strictObject({ reason: plainText(500).optional().meta({ description: "Why, kept with the grant and in the audit log" }) })
  .default({});

export const grantParams = z.object({ id: idOf("grt") });
