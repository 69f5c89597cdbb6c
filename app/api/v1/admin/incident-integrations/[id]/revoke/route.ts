import { apiRoute, json } from "@/lib/http/api-route";
import { revokeIncidentIntegration } from "@/lib/incidents/revoke-incident-integration";
import { integrationIdParams, revokeIntegrationBody } from "@/lib/incidents/schemas";

export const POST = apiRoute({ caller: "admin", params: integrationIdParams, body: revokeIntegrationBody }, async ({ caller, params, body, clock }) =>
  json(await revokeIncidentIntegration({ principal: caller, integrationId: params.id, input: body, clock })),
);
