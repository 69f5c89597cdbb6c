import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

export const GET = apiRoute(route("get", "/api/v1/admin/webhooks/{id}"), async ({ caller, params }) =>
  json(await getWebhookEndpoint({ principal: caller, endpointId: params.id })),
);

export const PATCH = apiRoute(route("patch", "/api/v1/admin/webhooks/{id}"), async ({ caller, params, body }) =>
  json(await updateWebhookEndpoint({ principal: caller, endpointId: params.id, input: body })),
);

export const DELETE = apiRoute(route("delete", "/api/v1/admin/webhooks/{id}"), async ({ caller, params }) => {
  await deleteWebhookEndpoint({ principal: caller, endpointId: params.id });
  return new Response(null, { status: 204 });
});
