import { hit, rateLimited, type Limit } from "./rate-limiter";

const FAILED_AUTH_PER_ADDRESS: Limit = { max: 20, windowMs: 60_000 };
const FAILED_AUTH_PER_PREFIX: Limit = { max: 10, windowMs: 60_000 };

/**
 * Counts one failed authentication against the client address and the credential's prefix, and throws
 * 429 once either is over its limit. Only failures are counted, so valid credentials always pass and an
 * attacker sharing an address or guessing a prefix cannot lock the owner out.
 */
export function limitFailedAuthentication(address: string, token: string | null): void {
  const byAddress = hit(`auth-fail:addr:${address}`, FAILED_AUTH_PER_ADDRESS);
  const byPrefix = token ? hit(`auth-fail:prefix:${token.slice(0, 18)}`, FAILED_AUTH_PER_PREFIX) : byAddress;
  if (!byAddress.allowed || !byPrefix.allowed)
    throw rateLimited("Too many failed authentications", Math.max(byAddress.retryAfterSeconds, byPrefix.retryAfterSeconds));
}
