import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { listIncidentsQuery } from "@/lib/incidents/schemas";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ query: listIncidentsQuery }, async ({ query }) => json(await listIncidents({ status: query.status })));
