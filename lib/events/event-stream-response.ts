import type { AgentPrincipal, PersonPrincipal } from "@/lib/kernel/principal";
import { auditEventStream } from "./audit-event-stream";

/** An SSE response over the audit log, resuming from Last-Event-ID (header, or `lastEventId` for clients that cannot set it). An agent hears only its own events; a signed-in person the whole log. */
export async function eventStreamResponse(request: Request, principal: AgentPrincipal | PersonPrincipal): Promise<Response> {
  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  const stream = await auditEventStream({
    agentId: principal.kind === "agent" ? principal.agentId : undefined,
    lastEventId: lastEventId && /^\d{1,18}$/.test(lastEventId) ? BigInt(lastEventId) : null,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
