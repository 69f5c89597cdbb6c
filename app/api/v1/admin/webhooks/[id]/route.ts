import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { updateWebhookEndpointBody, webhookEndpointIdSchema } from "@/lib/webhooks/schemas";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

const params = z.object({ id: webhookEndpointIdSchema });

export const GET = apiRoute({ caller: "admin", params }, async ({ caller, params }) => json(await getWebhookEndpoint({ principal: caller, endpointId: params.id })));

export const PATCH = apiRoute({ caller: "admin", params, body: updateWebhookEndpointBody }, async ({ caller, params, body }) =>
  json(await updateWebhookEndpoint({ principal: caller, endpointId: params.id, input: body })),
);

export const DELETE = apiRoute({ caller: "admin", params }, async ({ caller, params }) => {
  await deleteWebhookEndpoint({ principal: caller, endpointId: params.id });
  return new Response(null, { status: 204 });
});
