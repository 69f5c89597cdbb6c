import { prisma } from "@/lib/db";
import { subscribeToChanges } from "./change-feed";

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

function sseMessage(
  event: { seq: bigint; action: string; subjectKind: string; subjectId: string; agentId: string | null; at: Date; data: unknown },
  includeData: boolean,
): Uint8Array {
  const payload = {
    seq: event.seq.toString(),
    action: event.action,
    subject: { kind: event.subjectKind, id: event.subjectId },
    agentId: event.agentId,
    at: event.at.toISOString(),
    ...(includeData ? { data: event.data } : {}),
  };
  // Agents get named events (one listener per action); the dashboards' stream is unnamed, so one onmessage sees all.
  const name = includeData ? `event: ${event.action}\n` : "";
  return encoder.encode(`id: ${event.seq}\n${name}data: ${JSON.stringify(payload)}\n\n`);
}

/**
 * Server-sent events read from the audit log — one agent's own changes (with their data), or every change
 * (without it) for the dashboards. Event ids are audit sequence numbers, so reconnecting with
 * Last-Event-ID resumes exactly where the stream stopped. Without one, the stream starts at the present.
 */
export async function auditEventStream(options: { agentId?: string; lastEventId: bigint | null; signal: AbortSignal }): Promise<ReadableStream<Uint8Array>> {
  const includeData = options.agentId !== undefined;
  const scope = options.agentId !== undefined ? { agentId: options.agentId } : {};
  let lastSent = options.lastEventId ?? (await prisma.auditHead.findUniqueOrThrow({ where: { id: 1 } })).seq;
  let flushing: Promise<void> = Promise.resolve();
  let closed = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const flush = () =>
        (flushing = flushing
          .then(async () => {
            if (closed) return;
            for (;;) {
              const events = await prisma.auditEvent.findMany({ where: { ...scope, seq: { gt: lastSent } }, orderBy: { seq: "asc" }, take: 500 });
              for (const event of events) {
                controller.enqueue(sseMessage(event, includeData));
                lastSent = event.seq;
              }
              if (events.length < 500) break;
            }
          })
          .catch(() => undefined));
      const unsubscribe = await subscribeToChanges(
        (change) => (options.agentId === undefined || change.agentId === options.agentId) && void flush(),
        () => void flush(),
      );
      const heartbeat = setInterval(() => !closed && controller.enqueue(encoder.encode(": heartbeat\n\n")), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      options.signal.addEventListener("abort", cleanup, { once: true });
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      void flush();
    },
    cancel() {
      cleanup();
    },
  });
}
