import { apiRoute, json } from "@/lib/http/api-route";
import { handOverIncident } from "@/lib/incidents/hand-over-incident";
import { handOverIncidentBody, incidentParams } from "@/lib/incidents/schemas";

export const POST = apiRoute({ caller: "commander", params: incidentParams, body: handOverIncidentBody }, async ({ caller, params, body, clock }) =>
  json(await handOverIncident({ principal: caller, incidentId: params.id, input: body, clock })),
);
