import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { handOverIncident } from "@/lib/incidents/hand-over-incident";

export const POST = apiRoute(route("post", "/api/v1/incidents/{id}/commander"), async ({ caller, params, body, clock }) =>
  json(await handOverIncident({ principal: caller, incidentId: params.id, input: body, clock })),
);
