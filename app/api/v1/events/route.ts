import { agentEventStream } from "@/lib/events/agent-event-stream";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ caller: "agent" }, async ({ caller, request }) => {
  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  const stream = await agentEventStream({ agentId: caller.agentId, lastEventId: lastEventId && /^\d{1,18}$/.test(lastEventId) ? BigInt(lastEventId) : null, signal: request.signal });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" } });
});
