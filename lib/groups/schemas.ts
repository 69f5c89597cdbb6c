import { z } from "zod";
import { emailSchema, isoDate, plainText } from "@/lib/api/common-schemas";

export const createGroupBody = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "must be 2–63 characters of a–z, 0–9, '.', '_' or '-'"),
    description: plainText(500).default(""),
    memberEmails: z.array(emailSchema).max(500).default([]),
  })
  .meta({ id: "CreateGroup" });

export const groupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    members: z.array(z.object({ id: z.string(), email: z.string(), name: z.string() })),
    createdAt: isoDate,
  })
  .meta({ id: "ApproverGroup" });

export type CreateGroupBody = z.infer<typeof createGroupBody>;
export type GroupDto = z.infer<typeof groupSchema>;
