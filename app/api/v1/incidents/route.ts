import { apiRoute, json } from "@/lib/http/api-route";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { openIncident } from "@/lib/incidents/open-incident";
import { listIncidentsQuery, openIncidentBody } from "@/lib/incidents/schemas";

export const GET = apiRoute({ caller: ["commander", "integration"], query: listIncidentsQuery }, async ({ query, clock }) =>
  json({ items: await listIncidents({ status: query.status, clock }) }),
);

export const POST = apiRoute({ caller: ["commander", "integration"], body: openIncidentBody }, async ({ caller, body, clock }) =>
  json(await openIncident({ principal: caller, input: body, clock }), 201),
);
