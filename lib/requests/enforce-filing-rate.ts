import { env } from "@/lib/env";
import { hit, rateLimited } from "@/lib/http/rate-limiter";

/** Filing is rate-limited per agent key, whichever door (the API, MCP) the request comes through. */
export function enforceFilingRate(keyId: string): void {
  const limit = hit(`file:${keyId}`, { max: env().BATON_FILING_RATE_PER_MINUTE, windowMs: 60_000 });
  if (!limit.allowed) throw rateLimited("Too many requests filed with this key", limit.retryAfterSeconds);
}
