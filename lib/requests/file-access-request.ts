import type { Clock } from "@/lib/kernel/clock";
import { agentCredentialId, type AgentPrincipal } from "@/lib/kernel/principal";
import { env } from "@/lib/env";
import { hit, rateLimited } from "@/lib/http/rate-limiter";
import { fileRequest, type FiledRequest } from "./file-request";
import type { FileRequestBody } from "./schemas";

/**
 * An agent files a request through any door (the API, MCP): the per-key filing rate limit (429 with
 * Retry-After; per federated identity for access tokens), then `fileRequest`, which replays an earlier filing with the same idempotency key and
 * body and refuses the key reused with a different body (422). The limiter is process-wide, so both
 * doors draw on one budget per agent key.
 */
export async function fileAccessRequest(options: {
  principal: AgentPrincipal;
  input: FileRequestBody;
  idempotencyKey?: string;
  clock?: Clock;
}): Promise<FiledRequest> {
  const limit = hit(`file:${agentCredentialId(options.principal)}`, { max: env().BATON_FILING_RATE_PER_MINUTE, windowMs: 60_000 });
  if (!limit.allowed) throw rateLimited("Too many requests filed with this key", limit.retryAfterSeconds);
  return fileRequest({ principal: options.principal, input: options.input, idempotencyKey: options.idempotencyKey, clock: options.clock });
}
