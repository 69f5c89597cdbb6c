import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { resolveIncident } from "@/lib/incidents/resolve-incident";

export const POST = apiRoute(route("post", "/api/v1/incidents/{id}/resolve"), async ({ caller, params, body, clock }) =>
  json(await resolveIncident({ principal: caller, incidentId: params.id, note: body.note, clock })),
);
