import { apiRoute, json } from "@/lib/http/api-route";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { createWebhookEndpointBody } from "@/lib/webhooks/schemas";

export const GET = apiRoute({ caller: "admin" }, async ({ caller }) => json({ items: await listWebhookEndpoints({ principal: caller }) }));

export const POST = apiRoute({ caller: "admin", body: createWebhookEndpointBody }, async ({ caller, body }) =>
  json(await createWebhookEndpoint({ principal: caller, input: body }), 201),
);
