import { route } from "@/lib/api/route-table";
import { eventStreamResponse } from "@/lib/events/event-stream-response";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(route("get", "/api/v1/events"), ({ caller, request }) => eventStreamResponse(request, caller));
