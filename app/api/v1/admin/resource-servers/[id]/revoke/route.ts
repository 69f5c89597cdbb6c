import { apiRoute, json } from "@/lib/http/api-route";
import { revokeResourceServer } from "@/lib/resource-servers/revoke-resource-server";
import { resourceServerParams, revokeResourceServerBody } from "@/lib/resource-servers/schemas";

export const POST = apiRoute({ caller: "admin", body: revokeResourceServerBody, params: resourceServerParams }, async ({ caller, body, params, clock }) =>
  json(await revokeResourceServer({ principal: caller, resourceServerId: params.id, reason: body.reason, clock })),
);
