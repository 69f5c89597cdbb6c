import { apiRoute, json } from "@/lib/http/api-route";
import { createIncidentIntegration } from "@/lib/incidents/create-incident-integration";
import { listIncidentIntegrations } from "@/lib/incidents/list-incident-integrations";
import { createIntegrationBody } from "@/lib/incidents/schemas";

export const GET = apiRoute({ caller: "admin" }, async ({ caller }) => json({ items: await listIncidentIntegrations({ principal: caller }) }));

export const POST = apiRoute({ caller: "admin", body: createIntegrationBody }, async ({ caller, body, clock }) =>
  json(await createIncidentIntegration({ principal: caller, input: body, clock }), 201),
);
