import { z } from "zod";
import { idOf, isoDate, plainText } from "@/lib/kernel/common-schemas";
import { eventFilterSchema } from "./event-filter";

/** Where deliveries go: an absolute http(s) URL without credentials in it (the signature authenticates Baton). */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "must be an absolute http:// or https:// URL")
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), "must not carry a user name or password")
  .meta({ example: "https://hooks.example.com/baton" });

export const webhookEndpointIdSchema = idOf("whe");
export const webhookEndpointParams = z.object({ id: webhookEndpointIdSchema });

export const createWebhookEndpointBody = z
  .strictObject({
    url: webhookUrlSchema,
    description: plainText(500).default(""),
    eventTypes: eventFilterSchema.meta({ description: "Audit actions (`grant.revoked`), prefixes (`grant.*`) or `*` for every event" }),
  })
  .meta({ id: "CreateWebhookEndpoint" });

export const updateWebhookEndpointBody = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    description: plainText(500).optional(),
    eventTypes: eventFilterSchema.optional(),
    disabled: z.boolean().optional().meta({ description: "A disabled endpoint gets no new deliveries, and its pending ones are dropped" }),
  })
  .refine((body) => Object.keys(body).length > 0, "must change at least one field")
  .meta({ id: "UpdateWebhookEndpoint" });

export const webhookDeliverySchema = z
  .object({
    id: z.string().meta({ description: "The `webhook-id` header of every attempt" }),
    eventType: z.string(),
    eventSeq: z.string().nullable().meta({ description: "The audit sequence number it reports; null for a test event" }),
    status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
    attempts: z.number().int(),
    lastAttemptAt: isoDate.nullable(),
    lastResponseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: isoDate.nullable(),
    deliveredAt: isoDate.nullable(),
    createdAt: isoDate,
  })
  .meta({ id: "WebhookDelivery" });

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    secretPrefix: z.string().meta({ description: "The first characters of the signing secret, to tell secrets apart" }),
    disabled: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookEndpointDetailSchema = webhookEndpointSchema
  .extend({
    deliveries: z.array(webhookDeliverySchema).meta({ description: "The 50 newest deliveries" }),
    asOf: isoDate.meta({ description: "When the log was read" }),
  })
  .meta({ id: "WebhookEndpointDetail" });

export const createdWebhookEndpointSchema = webhookEndpointSchema
  .extend({ secret: z.string().meta({ description: "The signing secret `whsec_…` for Standard Webhooks verification. Shown once." }) })
  .meta({ id: "CreatedWebhookEndpoint" });

export type CreateWebhookEndpointBody = z.infer<typeof createWebhookEndpointBody>;
export type UpdateWebhookEndpointBody = z.infer<typeof updateWebhookEndpointBody>;
export type WebhookEndpointDto = z.infer<typeof webhookEndpointSchema>;
export type WebhookEndpointDetailDto = z.infer<typeof webhookEndpointDetailSchema>;
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;
export type CreatedWebhookEndpointDto = z.infer<typeof createdWebhookEndpointSchema>;
