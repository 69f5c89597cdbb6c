import { z } from "zod";
import { emailSchema, idOf, isoDate, plainText } from "@/lib/kernel/common-schemas";
import { webhookUrlSchema } from "@/lib/webhooks/schemas";

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
    members: z.array(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        source: z.string().meta({ description: "`local` (set in Baton) or the identity provider that asserted the membership at sign-in" }),
      }),
    ),
    chatWebhookConfigured: z
      .boolean()
      .meta({ description: "Whether new requests routed to this group are posted to a chat incoming webhook (the URL itself is never returned)" }),
    createdAt: isoDate,
  })
  .meta({ id: "ApproverGroup" });

export const updateGroupBody = z
  .strictObject({
    description: plainText(500).optional(),
    chatWebhookUrl: webhookUrlSchema.nullable().optional().meta({
      description:
        "A Slack-compatible incoming-webhook URL told about each new request routed to this group (summary and a link to decide in Baton); null removes it. Stored encrypted.",
    }),
    memberEmails: z.array(emailSchema).max(500).optional().meta({
      description:
        "Replaces the members set in Baton; memberships asserted by the identity provider at sign-in stay as they are (the next sign-in re-asserts them)",
    }),
  })
  .refine((body) => Object.keys(body).length > 0, "must change at least one field")
  .meta({ id: "UpdateGroup" });

export const groupIdSchema = idOf("grp");
export const groupParams = z.object({ id: groupIdSchema });

export type UpdateGroupBody = z.infer<typeof updateGroupBody>;
export type CreateGroupBody = z.infer<typeof createGroupBody>;
export type GroupDto = z.infer<typeof groupSchema>;
