import { z } from "zod";
import type { FormState } from "@/lib/http/form-action";
import { createWebhookEndpointBody, webhookEndpointIdSchema, webhookUrlSchema } from "./schemas";
import { eventFilterSchema } from "./event-filter";

/** The create action answers with the signing secret once, in the form state. */
export type CreatedWebhookFormState = FormState & { issuedSecret?: string };

/** Event types typed in one box, separated by commas, spaces or new lines. */
const eventTypeList = z
  .string()
  .transform((text) => text.split(/[\s,;]+/).filter(Boolean))
  .pipe(eventFilterSchema);

export const createWebhookForm = z.object({ ...createWebhookEndpointBody.shape, eventTypes: eventTypeList });

export const updateWebhookForm = z.object({
  id: webhookEndpointIdSchema,
  url: webhookUrlSchema,
  description: createWebhookEndpointBody.shape.description,
  eventTypes: eventTypeList,
  // A checkbox: present when ticked.
  enabled: z.literal("on").optional(),
});

export const webhookIdForm = z.object({ id: webhookEndpointIdSchema });

/** An empty URL removes the group's chat webhook. */
export const groupChatWebhookForm = z.object({
  id: z.string().min(1),
  chatWebhookUrl: z
    .string()
    .trim()
    .transform((value) => value || null)
    .pipe(webhookUrlSchema.nullable()),
});
