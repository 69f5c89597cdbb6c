import { prisma } from "@/lib/db";
import { subscribeToChanges } from "./change-feed";

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

function sseMessage(event: { seq: bigint; action: string; subjectKind: string; subjectId: string; at: Date; data: unknown }): Uint8Array {
  const payload = { seq: event.seq.toString(), action: event.action, subject: { kind: event.subjectKind, id: event.subjectId }, at: event.at.toISOString(), data: event.data };
  return encoder.encode(`id: ${event.seq}\nevent: ${event.action}\ndata: ${JSON.stringify(payload)}\n\n`);
}

/**
 * Server-sent events of one agent's own changes, read from the audit log so that the event ids are
 * audit sequence numbers: reconnecting with Last-Event-ID resumes exactly where the stream stopped.
 * Without one, the stream starts at the present.
 */
export async function agentEventStream(options: { agentId: string; lastEventId: bigint | null; signal: AbortSignal }): Promise<ReadableStream<Uint8Array>> {
  let lastSent = options.lastEventId ?? (await prisma.auditHead.findUniqueOrThrow({ where: { id: 1 } })).seq;
  let flushing: Promise<void> = Promise.resolve();
  let closed = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const flush = () =>
        (flushing = flushing.then(async () => {
          if (closed) return;
          for (;;) {
            const events = await prisma.auditEvent.findMany({ where: { agentId: options.agentId, seq: { gt: lastSent } }, orderBy: { seq: "asc" }, take: 500 });
            for (const event of events) {
              controller.enqueue(sseMessage(event));
              lastSent = event.seq;
            }
            if (events.length < 500) break;
          }
        }).catch(() => undefined));
      const unsubscribe = await subscribeToChanges((change) => change.agentId === options.agentId && void flush(), () => void flush());
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
