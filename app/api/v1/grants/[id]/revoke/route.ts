import { route } from "@/lib/api/route-table";
import { revokeGrant } from "@/lib/grants/revoke-grant";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/grants/{id}/revoke"), async ({ caller, body, params, clock }) =>
  json(
    await revokeGrant({
      principal: caller,
      grantId: params.id,
      reason: body.reason,
      clock,
    }),
  ),
);
