import { z } from "zod";
import { isoDate, scopeKeySchema } from "@/lib/api/common-schemas";

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
    scopes: z.array(scopeKeySchema).meta({ description: "The catalog scopes this resource server enforces" }),
    createdAt: isoDate,
    revokedAt: isoDate.nullable(),
  })
  .meta({ id: "ResourceServer" });

export const createdResourceServerSchema = resourceServerSchema
  .extend({ secret: z.string().meta({ description: "The caller secret `batonrs_…`. Shown once; Baton keeps only its SHA-256." }) })
  .meta({ id: "CreatedResourceServer" });

export type CreateResourceServerBody = z.infer<typeof createResourceServerBody>;
export type ResourceServerDto = z.infer<typeof resourceServerSchema>;
export type CreatedResourceServerDto = z.infer<typeof createdResourceServerSchema>;
