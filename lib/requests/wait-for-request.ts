import { systemClock, type Clock } from "@/lib/kernel/clock";
import { subscribeToChanges } from "@/lib/events/change-feed";
import { getRequest } from "./get-request";
import type { AccessRequestDto } from "./schemas";

/**
 * Long-poll: answers the moment the request leaves PENDING (a committed change announced by the
 * database), when it lapses, or with the current state after `waitSeconds`. Event-driven, not a sleep loop.
 */
export async function waitForRequest(options: {
  agentId: string;
  requestId: string;
  waitSeconds: number;
  signal?: AbortSignal;
  clock?: Clock;
}): Promise<AccessRequestDto> {
  const clock = options.clock ?? systemClock;
  const deadline = clock.now().getTime() + options.waitSeconds * 1000;
  const read = () => getRequest({ agentId: options.agentId, requestId: options.requestId, clock });
  let wake = () => {};
  // Subscribe before the first read, so a decision committed in between is not missed.
  const unsubscribe = await subscribeToChanges(
    (change) => change.subjectKind === "request" && change.subjectId === options.requestId && wake(),
    () => wake(),
  );
  options.signal?.addEventListener("abort", () => wake(), { once: true });
  try {
    for (;;) {
      const woken = new Promise<void>((resolve) => (wake = resolve));
      const current = await read();
      const remaining = deadline - clock.now().getTime();
      if (current.status !== "PENDING" || remaining <= 0 || options.signal?.aborted) return current;
      const lapsesIn = new Date(current.pendingExpiresAt).getTime() - clock.now().getTime() + 1;
      const timer = setTimeout(() => wake(), Math.max(0, Math.min(remaining, lapsesIn)));
      await woken;
      clearTimeout(timer);
    }
  } finally {
    unsubscribe();
  }
}
