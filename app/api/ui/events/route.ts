import { eventStreamResponse } from "@/lib/events/event-stream-response";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({}, async ({ principal, request }) => eventStreamResponse(request, principal));
