import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { createIncidentIntegration } from "@/lib/incidents/create-incident-integration";
import { listIncidentIntegrations } from "@/lib/incidents/list-incident-integrations";

export const GET = apiRoute(route("get", "/api/v1/admin/incident-integrations"), async ({ caller }) =>
  json({ items: await listIncidentIntegrations({ principal: caller }) }),
);

export const POST = apiRoute(route("post", "/api/v1/admin/incident-integrations"), async ({ caller, body, clock }) =>
  json(await createIncidentIntegration({ principal: caller, input: body, clock }), 201),
);
