import { apiRoute, json } from "@/lib/http/api-route";
import { resolveIncident } from "@/lib/incidents/resolve-incident";
import { incidentParams, resolveIncidentBody } from "@/lib/incidents/schemas";

export const POST = apiRoute({ caller: ["commander", "integration"], params: incidentParams, body: resolveIncidentBody }, async ({ caller, params, body, clock }) =>
  json(await resolveIncident({ principal: caller, incidentId: params.id, note: body.note, clock })),
);
