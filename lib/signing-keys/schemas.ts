import { z } from "zod";
import { isoDate } from "@/lib/kernel/common-schemas";
import { MAX_GRANT_TOKEN_SECONDS } from "@/lib/kernel/grant-token-format";

export const signingKeySchema = z
  .object({
    kid: z.string().meta({ description: "RFC 7638 thumbprint of the public key; the `kid` of the tokens it signs" }),
    algorithm: z.string(),
    state: z.enum(["next", "active", "retired", "expired"]).meta({
      description:
        "next is published but signs nothing until the next rotation; active signs new tokens; retired only verifies until expiresAt; expired is no longer published",
    }),
    createdAt: isoDate,
    activatedAt: isoDate.nullable(),
    retiredAt: isoDate.nullable(),
    expiresAt: isoDate.nullable(),
  })
  .meta({ id: "SigningKey" });

export const rotateSigningKeysBody = z
  .strictObject({
    overlapSeconds: z
      .number()
      .int()
      .min(MAX_GRANT_TOKEN_SECONDS, `must be at least ${MAX_GRANT_TOKEN_SECONDS} (the longest a token lives), so no token outlives its key`)
      .max(30 * 24 * 3600)
      .default(3600)
      .meta({ description: "How long the retired key stays published for verification" }),
  })
  .default({ overlapSeconds: 3600 });

export const rotatedSigningKeysSchema = z
  .object({
    active: signingKeySchema,
    next: signingKeySchema.meta({ description: "The key the following rotation will promote, published from now on" }),
    retired: z.array(signingKeySchema).meta({ description: "The keys this rotation retired" }),
  })
  .meta({ id: "RotatedSigningKeys" });

export type SigningKeyDto = z.infer<typeof signingKeySchema>;
export type RotatedSigningKeysDto = z.infer<typeof rotatedSigningKeysSchema>;
