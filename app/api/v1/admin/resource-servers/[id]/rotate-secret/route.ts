import { apiRoute, json } from "@/lib/http/api-route";
import { rotateResourceServerSecret } from "@/lib/resource-servers/rotate-resource-server-secret";
import { resourceServerParams, rotateResourceServerSecretBody } from "@/lib/resource-servers/schemas";

export const POST = apiRoute({ caller: "admin", body: rotateResourceServerSecretBody, params: resourceServerParams }, async ({ caller, body, params, clock }) =>
  json(await rotateResourceServerSecret({ principal: caller, resourceServerId: params.id, overlapSeconds: body.overlapSeconds, clock }), 201),
);
