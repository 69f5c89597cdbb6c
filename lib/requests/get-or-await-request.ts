import type { Clock } from "@/lib/kernel/clock";
import { getRequest } from "./get-request";
import type { AccessRequestDto } from "./schemas";
import { waitForRequest } from "./wait-for-request";

/**
 * One of the agent's own requests, for every door: with `waitSeconds` > 0, long-polls until it leaves
 * PENDING (or the time is up, or `signal` aborts); otherwise reads it once.
 */
export function getOrAwaitRequest(options: {
  agentId: string;
  requestId: string;
  waitSeconds?: number;
  signal?: AbortSignal;
  clock?: Clock;
}): Promise<AccessRequestDto> {
  const { agentId, requestId, waitSeconds, signal, clock } = options;
  return waitSeconds && waitSeconds > 0 ? waitForRequest({ agentId, requestId, waitSeconds, signal, clock }) : getRequest({ agentId, requestId, clock });
}
