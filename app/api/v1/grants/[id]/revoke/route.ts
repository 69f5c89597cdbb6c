import { revokeGrant } from "@/lib/grants/revoke-grant";
import { grantParams, revokeGrantBody } from "@/lib/grants/schemas";
import { apiRoute, json } from "@/lib/http/api-route";
import { personActor } from "@/lib/http/person-actor";

export const POST = apiRoute({ caller: ["agent", "admin"], body: revokeGrantBody, params: grantParams }, async ({ caller, body, params, clock }) =>
  json(
    await revokeGrant({
      revoker: caller.kind === "agent" ? { kind: "agent", agentId: caller.agentId } : { kind: "person", person: personActor(caller) },
      grantId: params.id,
      reason: body.reason,
      clock,
    }),
  ),
);
