import { revokeGrant } from "@/lib/grants/revoke-grant";
import { grantParams, revokeGrantBody } from "@/lib/grants/schemas";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute({ caller: ["agent", "admin"], body: revokeGrantBody, params: grantParams }, async ({ caller, body, params, clock }) =>
  json(
    await revokeGrant({
      principal: caller,
      grantId: params.id,
      reason: body.reason,
      clock,
    }),
  ),
);
