import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { getIncident } from "@/lib/incidents/get-incident";

export const GET = apiRoute(route("get", "/api/v1/incidents/{id}"), async ({ params, clock }) => json(await getIncident({ incidentId: params.id, clock })));
