import { apiRoute, json } from "@/lib/http/api-route";
import { incidentActorOf } from "@/lib/http/incident-actor-of";
import { resolveIncident } from "@/lib/incidents/resolve-incident";
import { incidentParams, resolveIncidentBody } from "@/lib/incidents/schemas";

export const POST = apiRoute({ caller: ["commander", "integration"], params: incidentParams, body: resolveIncidentBody }, async ({ caller, params, body, clock }) =>
  json(await resolveIncident({ actor: incidentActorOf(caller), incidentId: params.id, note: body.note, clock })),
);
