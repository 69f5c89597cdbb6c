import { z } from "zod";
import { emailSchema, idOf, isoDate } from "@/lib/kernel/common-schemas";

export const setOnCallBody = z
  .strictObject({
    userIds: z.array(idOf("usr")).max(100).optional().meta({ description: "Members of the group now on call, by id" }),
    emails: z.array(emailSchema).max(100).optional().meta({ description: "Members of the group now on call, by email (joined with userIds)" }),
    until: isoDate.nullable().optional().meta({ description: "When this on-call shift ends; absent or null: until changed again" }),
  })
  .refine((body) => body.userIds !== undefined || body.emails !== undefined, "must name who is on call: userIds or emails (an empty list: nobody)")
  .meta({ id: "SetOnCall", description: "Replaces who is on call for the group" });

export const onCallSchema = z
  .object({
    groupId: z.string(),
    groupName: z.string(),
    onCall: z.array(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        until: isoDate.nullable(),
        source: z.string().meta({ description: "`local` (set in Baton) or the slug of the incident tool that reported it" }),
      }),
    ),
  })
  .meta({ id: "OnCall", description: "Who is on call for an approver group now (expired shifts are not listed)" });

export type SetOnCallBody = z.infer<typeof setOnCallBody>;
export type OnCallDto = z.infer<typeof onCallSchema>;
