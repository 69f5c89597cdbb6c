import { eventStreamResponse } from "@/lib/events/event-stream-response";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ caller: "agent" }, ({ caller, request }) => eventStreamResponse(request, { agentId: caller.agentId }));
