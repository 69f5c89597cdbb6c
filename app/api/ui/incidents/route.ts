import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { listIncidents } from "@/lib/incidents/list-incidents";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({}, async () => json(await listIncidents()));
