import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

export const GET = apiRoute(route("get", "/api/v1/admin/webhooks"), async ({ caller }) => json({ items: await listWebhookEndpoints({ principal: caller }) }));

export const POST = apiRoute(route("post", "/api/v1/admin/webhooks"), async ({ caller, body }) =>
  json(await createWebhookEndpoint({ principal: caller, input: body }), 201),
);
