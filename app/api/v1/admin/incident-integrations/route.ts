import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { personActor } from "@/lib/http/person-actor";
import { createIncidentIntegration } from "@/lib/incidents/create-incident-integration";
import { listIncidentIntegrations } from "@/lib/incidents/list-incident-integrations";

export const GET = apiRoute(route("get", "/api/v1/admin/incident-integrations"), async ({ caller }) => json({ items: await listIncidentIntegrations({ actor: personActor(caller) }) }));

export const POST = apiRoute(route("post", "/api/v1/admin/incident-integrations"), async ({ caller, body, clock }) =>
  json(await createIncidentIntegration({ actor: personActor(caller), input: body, clock }), 201),
);
