import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { revokeResourceServer } from "@/lib/resource-servers/revoke-resource-server";

export const POST = apiRoute(route("post", "/api/v1/admin/resource-servers/{id}/revoke"), async ({ caller, body, params, clock }) =>
  json(await revokeResourceServer({ principal: caller, resourceServerId: params.id, reason: body.reason, clock })),
);
