import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { revokeIncidentIntegration } from "@/lib/incidents/revoke-incident-integration";

export const POST = apiRoute(route("post", "/api/v1/admin/incident-integrations/{id}/revoke"), async ({ caller, params, body, clock }) =>
  json(await revokeIncidentIntegration({ principal: caller, integrationId: params.id, input: body, clock })),
);
