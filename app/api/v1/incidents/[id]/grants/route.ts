import { apiRoute, json } from "@/lib/http/api-route";
import { grantIncidentAuthority } from "@/lib/incidents/grant-incident-authority";
import { grantAuthorityBody, incidentParams } from "@/lib/incidents/schemas";

export const POST = apiRoute({ caller: "commander", params: incidentParams, body: grantAuthorityBody }, async ({ caller, params, body, clock }) =>
  json(await grantIncidentAuthority({ principal: caller, incidentId: params.id, input: body, clock }), 201),
);
