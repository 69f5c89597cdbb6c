import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { openIncident } from "@/lib/incidents/open-incident";

export const GET = apiRoute(route("get", "/api/v1/incidents"), async ({ query, clock }) =>
  json({ items: await listIncidents({ status: query.status, clock }) }),
);

export const POST = apiRoute(route("post", "/api/v1/incidents"), async ({ caller, body, clock }) =>
  json(await openIncident({ principal: caller, input: body, clock }), 201),
);
