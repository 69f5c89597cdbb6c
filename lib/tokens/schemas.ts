import { z } from "zod";
import { isoDate, plainText } from "@/lib/kernel/common-schemas";

const DAY_SECONDS = 24 * 3600;

export const createPersonalTokenInput = z.object({
  name: plainText(100).min(1, "Name the token after where it is used"),
  expiresInSeconds: z
    .number()
    .int()
    .min(3600)
    .max(366 * DAY_SECONDS)
    .optional(),
});

export const personalTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
  expiresAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
});

export type CreatePersonalTokenInput = z.infer<typeof createPersonalTokenInput>;
export type PersonalTokenDto = z.infer<typeof personalTokenSchema>;
