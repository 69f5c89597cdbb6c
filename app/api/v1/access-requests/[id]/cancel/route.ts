import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { cancelRequest } from "@/lib/requests/cancel-request";

export const POST = apiRoute(route("post", "/api/v1/access-requests/{id}/cancel"), async ({ caller, body, params }) =>
  json(await cancelRequest({ principal: caller, requestId: params.id, reason: body.reason })),
);
