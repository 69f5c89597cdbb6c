import { z } from "zod";
import { isoDate, plainText, scopeKeySchema, tagsSchema } from "@/lib/kernel/common-schemas";
import { audienceSchema } from "@/lib/resource-servers/schemas";
import { scopeCredentialsSchema } from "@/lib/credentials/schemas";

export const riskSchema = z.enum(["LOW", "MEDIUM", "HIGH", "CRITICAL"]);

const scopeFields = {
  description: plainText(500).default(""),
  risk: riskSchema,
  maxDurationSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600),
  approvalsRequired: z.number().int().min(1).max(10).default(1),
  approverGroup: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .meta({ description: "Name of the approver group that decides requests for this scope" }),
  autoApprove: z.boolean().default(false),
  resourceServer: audienceSchema
    .nullable()
    .optional()
    .meta({ description: "Audience of the resource server that enforces this scope: grant tokens for that audience carry it" }),
  tags: tagsSchema.default([]),
  credentials: scopeCredentialsSchema
    .nullable()
    .optional()
    .meta({ description: "Short-lived credentials its grants mint in a credential provider (null: none)" }),
};

export const createScopeBody = z.strictObject({ key: scopeKeySchema, ...scopeFields }).meta({ id: "CreateScope" });

export const updateScopeBody = z
  .strictObject({
    description: plainText(500).optional(),
    risk: riskSchema.optional(),
    maxDurationSeconds: scopeFields.maxDurationSeconds.optional(),
    approvalsRequired: z.number().int().min(1).max(10).optional(),
    approverGroup: scopeFields.approverGroup,
    autoApprove: z.boolean().optional(),
    resourceServer: scopeFields.resourceServer,
    tags: tagsSchema.optional(),
    credentials: scopeFields.credentials,
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "must change at least one field")
  .meta({ id: "UpdateScope" });

export const scopeSchema = z
  .object({
    id: z.string(),
    key: scopeKeySchema,
    description: z.string(),
    risk: riskSchema,
    maxDurationSeconds: z.number().int(),
    approvalsRequired: z.number().int(),
    approverGroup: z.string().nullable(),
    autoApprove: z.boolean(),
    resourceServer: z.string().nullable().meta({ description: "Audience of the resource server that enforces this scope" }),
    tags: z.array(z.string()),
    credentials: z
      .object({ provider: z.string(), privileges: z.array(z.string()) })
      .nullable()
      .meta({ description: "The credential provider its grants mint principals in, and the privileges (canonical form)" }),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: "Scope" });

/** Tags may be left out by in-process callers (seeding, tests): none. */
export type CreateScopeBody = Omit<z.infer<typeof createScopeBody>, "tags"> & { tags?: string[] };
export type UpdateScopeBody = z.infer<typeof updateScopeBody>;
export type ScopeDto = z.infer<typeof scopeSchema>;

export const eligibleScopeSchema = z
  .object({
    key: scopeKeySchema,
    description: z.string(),
    risk: riskSchema,
    maxDurationSeconds: z.number().int().meta({ description: "The longest grant of this scope Baton will issue" }),
    autoApprove: z.boolean().meta({ description: "Requests for only auto-approve scopes, within their maximum, are approved at once" }),
    approvalsRequired: z.number().int().meta({ description: "Approvals needed from the scope's approver group when it is not auto-approved" }),
    resourceServer: z.string().nullable().meta({ description: "Audience of the resource server that enforces this scope: ask for a token for this audience" }),
  })
  .meta({ id: "EligibleScope", description: "A scope the calling agent may ask for" });

export type EligibleScopeDto = z.infer<typeof eligibleScopeSchema>;

export const scopeParams = z.object({ key: scopeKeySchema });
