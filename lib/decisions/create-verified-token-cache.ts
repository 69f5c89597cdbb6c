import { createHash } from "node:crypto";
import type { GrantTokenClaims } from "@/lib/kernel/grant-token-format";

export interface VerifiedTokenCache {
  /** The claims of a token whose signature was verified before, unless it has expired at `now`. */
  get(token: string, now: Date): GrantTokenClaims | undefined;
  set(token: string, claims: GrantTokenClaims): void;
}

const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Remembers verified signatures until the token's own expiry, keyed by the token's SHA-256 (the token
 * itself is never kept). Only the signature check is skipped: the grant is consulted on every call.
 */
export function createVerifiedTokenCache(options: { maxEntries?: number } = {}): VerifiedTokenCache {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const entries = new Map<string, GrantTokenClaims>();
  const keyOf = (token: string) => createHash("sha256").update(token).digest("base64url");
  return {
    get(token, now) {
      const key = keyOf(token);
      const claims = entries.get(key);
      if (!claims || claims.exp * 1000 > now.getTime()) return claims;
      entries.delete(key);
      return undefined;
    },
    set(token, claims) {
      // Insertion order is age order: the oldest entries are the first to make room.
      if (entries.size >= maxEntries) for (const key of [...entries.keys()].slice(0, Math.ceil(maxEntries / 10))) entries.delete(key);
      entries.set(keyOf(token), claims);
    },
  };
}
