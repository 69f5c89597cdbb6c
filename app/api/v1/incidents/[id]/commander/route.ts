import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { personActor } from "@/lib/http/person-actor";
import { handOverIncident } from "@/lib/incidents/hand-over-incident";

export const POST = apiRoute(route("post", "/api/v1/incidents/{id}/commander"), async ({ caller, params, body, clock }) =>
  json(await handOverIncident({ actor: personActor(caller), incidentId: params.id, input: body, clock })),
);
