import { z } from "zod";
import { idOf, isoDate, scopeKeySchema } from "@/lib/kernel/common-schemas";

/** What a token's `aud` carries: usually the tool's base URL, or any stable name without spaces. */
export const audienceSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, "must be 1–200 printable ASCII characters without spaces")
  .meta({ example: "https://crm.internal.example.com" });

export const createResourceServerBody = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "must be 2–63 characters of a–z, 0–9, '.', '_' or '-'"),
    audience: audienceSchema,
  })
  .meta({ id: "CreateResourceServer" });

export const resourceServerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    audience: audienceSchema,
    secretPrefix: z.string().meta({ description: "The first characters of the secret, to tell secrets apart" }),
    previousSecret: z
      .object({ prefix: z.string(), acceptedUntil: isoDate })
      .nullable()
      .meta({ description: "The secret replaced by the last rotation, while it is still accepted" }),
    scopes: z.array(scopeKeySchema).meta({ description: "The catalog scopes this resource server enforces" }),
    createdAt: isoDate,
    revokedAt: isoDate.nullable(),
  })
  .meta({ id: "ResourceServer" });

export const createdResourceServerSchema = resourceServerSchema
  .extend({ secret: z.string().meta({ description: "The caller secret `batonrs_…`. Shown once; Baton keeps only its SHA-256." }) })
  .meta({ id: "CreatedResourceServer" });

export const resourceServerParams = z.object({ id: idOf("rsv") });

export const rotateResourceServerSecretBody = z
  .strictObject({
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600)
      .default(0)
      .meta({ description: "How long the old secret keeps working; 0 stops it at once" }),
  })
  .default({ overlapSeconds: 0 })
  .meta({ id: "RotateResourceServerSecret" });

export const revokeResourceServerBody = z
  .strictObject({ reason: z.string().trim().min(1).max(500).meta({ description: "Why, for the audit log" }) })
  .meta({ id: "RevokeResourceServer" });

export type CreateResourceServerBody = z.infer<typeof createResourceServerBody>;
export type ResourceServerDto = z.infer<typeof resourceServerSchema>;
export type CreatedResourceServerDto = z.infer<typeof createdResourceServerSchema>;
