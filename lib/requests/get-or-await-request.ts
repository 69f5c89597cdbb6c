import type { Clock } from "@/lib/kernel/clock";
import type { AgentPrincipal } from "@/lib/kernel/principal";
import { getRequest } from "./get-request";
import type { AccessRequestDto } from "./schemas";
import { waitForRequest } from "./wait-for-request";

/**
 * One of the agent's own requests, for every door: with `waitSeconds` > 0, long-polls until it leaves
 * PENDING (or the time is up, or `signal` aborts); otherwise reads it once.
 */
export function getOrAwaitRequest(options: {
  principal: AgentPrincipal;
  requestId: string;
  waitSeconds?: number;
  signal?: AbortSignal;
  clock?: Clock;
}): Promise<AccessRequestDto> {
  const { requestId, waitSeconds, signal, clock } = options;
  const { agentId } = options.principal;
  return waitSeconds && waitSeconds > 0 ? waitForRequest({ agentId, requestId, waitSeconds, signal, clock }) : getRequest({ agentId, requestId, clock });
}
