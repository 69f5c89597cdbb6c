import { z } from "zod";
import { emailSchema, isoDate, plainText, scopeKeySchema, tagsSchema } from "@/lib/kernel/common-schemas";

export const createAgentBody = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "must be 2–63 characters of a–z, 0–9, '.', '_' or '-'"),
    description: plainText(500).default(""),
    ownerEmail: emailSchema,
    eligibleScopes: z.array(scopeKeySchema).max(200).default([]),
    tags: tagsSchema.default([]),
  })
  .meta({ id: "CreateAgent" });

export const updateAgentBody = z
  .strictObject({
    description: plainText(500).optional(),
    tags: tagsSchema.optional(),
    ownerEmail: emailSchema.optional(),
    eligibleScopes: z.array(scopeKeySchema).max(200).optional().meta({ description: "Replaces the agent's eligible scopes; its live grants stay as they are" }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "must change at least one field")
  .meta({ id: "UpdateAgent" });

export const agentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    owner: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    status: z.enum(["ACTIVE", "DISABLED"]),
    eligibleScopes: z.array(scopeKeySchema),
    tags: z.array(z.string()),
    createdAt: isoDate,
    disabledAt: isoDate.nullable(),
  })
  .meta({ id: "Agent" });

export const createAgentKeyBody = z
  .strictObject({
    expiresInSeconds: z
      .number()
      .int()
      .min(60)
      .max(366 * 24 * 3600)
      .optional()
      .meta({ description: "Optional lifetime; keys do not expire by default" }),
  })
  .default({});

export const rotateAgentKeyBody = z
  .strictObject({
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600)
      .default(3600)
      .meta({ description: "How long the old key keeps working" }),
    expiresInSeconds: z
      .number()
      .int()
      .min(60)
      .max(366 * 24 * 3600)
      .optional(),
  })
  .default({ overlapSeconds: 3600 });

export const agentKeySchema = z
  .object({
    id: z.string(),
    prefix: z.string(),
    createdAt: isoDate,
    lastUsedAt: isoDate.nullable(),
    expiresAt: isoDate.nullable(),
    revokedAt: isoDate.nullable(),
  })
  .meta({ id: "AgentKey" });

export const issuedAgentKeySchema = agentKeySchema
  .extend({ key: z.string().meta({ description: "The secret key. Shown once; Baton keeps only its SHA-256." }) })
  .meta({ id: "IssuedAgentKey" });

export const disableAgentBody = z.strictObject({ reason: plainText(500).optional() }).default({});

/** Tags may be left out by in-process callers (seeding, tests): none. */
export type CreateAgentBody = Omit<z.infer<typeof createAgentBody>, "tags"> & { tags?: string[] };
export type UpdateAgentBody = z.infer<typeof updateAgentBody>;
export type AgentDto = z.infer<typeof agentSchema>;
export type AgentKeyDto = z.infer<typeof agentKeySchema>;
