import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { rotateResourceServerSecret } from "@/lib/resource-servers/rotate-resource-server-secret";

export const POST = apiRoute(route("post", "/api/v1/admin/resource-servers/{id}/rotate-secret"), async ({ caller, body, params, clock }) =>
  json(await rotateResourceServerSecret({ principal: caller, resourceServerId: params.id, overlapSeconds: body.overlapSeconds, clock }), 201),
);
