import { z } from "zod";
import { authorizationDetailsField } from "@/lib/constraints/schemas";
import { emailSchema, idOf, isoDate, plainText, scopeKeySchema } from "@/lib/kernel/common-schemas";
import { grantSchema } from "@/lib/grants/schemas";
import { MAX_REQUEST_DURATION_SECONDS, MAX_SCOPES_PER_REQUEST } from "@/lib/requests/schemas";

export const severitySchema = z.enum(["SEV1", "SEV2", "SEV3", "SEV4"]).meta({ description: "SEV1 is the most severe" });

/** An incident tool's own id for the incident (PagerDuty's `PXXXXXX`, a ticket key): printable ASCII. */
export const externalIdSchema = z.string().regex(/^[\x21-\x7e]{1,200}$/, "must be 1–200 printable ASCII characters without spaces");

export const openIncidentBody = z
  .strictObject({
    title: plainText(200).pipe(z.string().min(3, "must be at least 3 characters")),
    description: plainText(4000).optional(),
    severity: severitySchema,
    commanderEmail: emailSchema.optional().meta({ description: "A commander or admin; defaults to the person opening it (none when an integration opens it)" }),
    externalId: externalIdSchema.optional().meta({ description: "The incident tool's id; unique per integration" }),
  })
  .meta({ id: "OpenIncident" });

export const resolveIncidentBody = z
  .strictObject({ note: plainText(1000).optional().meta({ description: "How it ended, kept with the incident and in the audit log" }) })
  .default({});

export const handOverIncidentBody = z
  .strictObject({
    commanderEmail: emailSchema.meta({ description: "An active commander or admin, who commands the incident from now on" }),
    note: plainText(500).optional().meta({ description: "Why command changed hands, kept in the audit log" }),
  })
  .meta({ id: "HandOverIncident" });

export const incidentParams = z.object({ id: idOf("inc") });

export const listIncidentsQuery = z.object({ status: z.enum(["open", "resolved", "all"]).default("all") });

export const incidentSchema = z
  .object({
    id: z.string().meta({ example: "inc_01jd3z8k6q4d2w5h7x9c0v1b2n" }),
    title: z.string(),
    description: z.string(),
    severity: severitySchema,
    status: z.enum(["OPEN", "RESOLVED"]),
    commander: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    externalSource: z.string().nullable().meta({ description: "The integration that opened it, if any" }),
    externalId: z.string().nullable(),
    openedAt: isoDate,
    resolvedAt: isoDate.nullable(),
    resolutionNote: z.string().nullable(),
    activeGrants: z.number().int().meta({ description: "Grants bound to the incident that are in force now" }),
    pendingRequests: z.number().int(),
  })
  .meta({ id: "Incident" });

export const grantAuthorityBody = z
  .strictObject({
    agentId: idOf("agt"),
    scopes: z
      .array(scopeKeySchema)
      .min(1, "must name at least one scope")
      .max(MAX_SCOPES_PER_REQUEST, `must name at most ${MAX_SCOPES_PER_REQUEST} scopes`)
      .refine((scopes) => new Set(scopes).size === scopes.length, "must not repeat a scope"),
    durationSeconds: z.number().int("must be a whole number of seconds").min(60, "must be at least 60 seconds").max(MAX_REQUEST_DURATION_SECONDS),
    reason: plainText(1000).pipe(z.string().min(10, "must explain the need in at least 10 characters")),
    authorizationDetails: authorizationDetailsField,
  })
  .meta({ id: "GrantIncidentAuthority" });

export const grantedAuthoritySchema = z
  .object({
    outcome: z
      .enum(["granted", "awaiting_second_approval"])
      .meta({ description: "Critical scopes are filed as a request carrying the commander's approval, for a second approver" }),
    grant: grantSchema.nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: "GrantedIncidentAuthority" });

export const integrationSlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "must be 2–40 characters of a–z, 0–9 or '-'")
  .meta({ example: "pagerduty" });

export const createIntegrationBody = z
  .strictObject({ slug: integrationSlugSchema, name: plainText(100).pipe(z.string().min(2, "must be at least 2 characters")) })
  .meta({ id: "CreateIncidentIntegration" });

export const integrationSchema = z
  .object({
    id: z.string(),
    slug: integrationSlugSchema,
    name: z.string(),
    webhookPath: z.string().meta({ example: "/api/v1/hooks/incidents/pagerduty" }),
    credentialPrefix: z.string().meta({ description: "The first characters of the API credential, to tell credentials apart" }),
    createdAt: isoDate,
    revokedAt: isoDate.nullable(),
  })
  .meta({ id: "IncidentIntegration" });

export const createdIntegrationSchema = integrationSchema
  .extend({
    webhookSecret: z.string().meta({ description: "The Standard Webhooks signing secret `whsec_…`. Shown once; Baton keeps it encrypted." }),
    credential: z.string().meta({ description: "The API credential `batonint_…` for /api/v1/incidents. Shown once; Baton keeps only its SHA-256." }),
  })
  .meta({ id: "CreatedIncidentIntegration" });

export const integrationParams = z.object({ integration: integrationSlugSchema });

export const integrationIdParams = z.object({ id: idOf("itg") });

export const revokeIntegrationBody = z
  .strictObject({ reason: plainText(500).pipe(z.string().min(1, "must say why")).meta({ description: "Why, for the audit log" }) })
  .meta({ id: "RevokeIncidentIntegration" });

export const webhookOutcomeSchema = z
  .object({
    outcome: z
      .enum(["opened", "resolved", "on_call_changed", "ignored", "duplicate"])
      .meta({ description: "`duplicate`: this webhook-id was already received; nothing was done again" }),
    incidentId: z.string().nullable(),
    groupId: z.string().optional().meta({ description: "With `on_call_changed`: the approver group whose on-call people were replaced" }),
  })
  .meta({ id: "IncidentWebhookOutcome" });

export const webhookHeaders = z.object({
  "webhook-id": z.string().meta({ description: "Unique per message; a redelivery carries the same id" }),
  "webhook-timestamp": z.string().meta({ description: "Unix seconds; refused when more than 5 minutes from Baton's clock" }),
  "webhook-signature": z.string().meta({ description: "`v1,<base64 HMAC-SHA256 of id.timestamp.body>`, space-separated when several" }),
});

export type OpenIncidentBody = z.infer<typeof openIncidentBody>;
export type IncidentDto = z.infer<typeof incidentSchema>;
export type HandOverIncidentBody = z.infer<typeof handOverIncidentBody>;
export type GrantAuthorityBody = z.infer<typeof grantAuthorityBody>;
export type GrantedAuthorityDto = z.infer<typeof grantedAuthoritySchema>;
export type CreateIntegrationBody = z.infer<typeof createIntegrationBody>;
export type RevokeIntegrationBody = z.infer<typeof revokeIntegrationBody>;
export type IntegrationDto = z.infer<typeof integrationSchema>;
export type CreatedIntegrationDto = z.infer<typeof createdIntegrationSchema>;
export type WebhookOutcomeDto = z.infer<typeof webhookOutcomeSchema>;
