import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { grantIncidentAuthority } from "@/lib/incidents/grant-incident-authority";

export const POST = apiRoute(route("post", "/api/v1/incidents/{id}/grants"), async ({ caller, params, body, clock }) =>
  json(await grantIncidentAuthority({ principal: caller, incidentId: params.id, input: body, clock }), 201),
);
