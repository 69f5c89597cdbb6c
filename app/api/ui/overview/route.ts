import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { getOverview } from "@/lib/overview/get-overview";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({}, async ({ principal }) => json(await getOverview({ principal })));
