import { apiRoute, json } from "@/lib/http/api-route";
import { getIncident } from "@/lib/incidents/get-incident";
import { incidentParams } from "@/lib/incidents/schemas";

export const GET = apiRoute({ caller: ["commander", "integration"], params: incidentParams }, async ({ params, clock }) => json(await getIncident({ incidentId: params.id, clock })));
