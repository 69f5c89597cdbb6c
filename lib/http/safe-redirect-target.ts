import { env } from "@/lib/env";

const FALLBACK = "/";

/** Parsing base when BATON_PUBLIC_URL is unset: a reserved name, so only relative targets keep its origin. */
const UNKNOWN_ORIGIN = "http://baton.invalid";

/** Longer than any path Baton links to; a longer target is someone probing. */
const MAX_TARGET_LENGTH = 2048;

/**
 * Characters the URL parser would silently strip or reinterpret, refused anywhere in the raw target:
 * C0/C1 controls, DEL, every Unicode space and invisible separator or mark (bidi overrides included),
 * the byte-order mark, backslashes (read as `/` in http URLs) and the Unicode full stops that IDNA
 * maps to `.` (。．｡).
 */
const REFUSED_CHARACTER = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\u3002\ufeff\uff0e\uff61\\]/;

/**
 * Percent-encoded `/`, `\` and control characters in the path: a server or proxy that decodes them
 * before routing would see a different path (or `//host`). In the query they are ordinary data — a
 * comment carried through a re-authentication may hold a `/` or a newline — so only the path is checked.
 */
const REFUSED_IN_PATH = /%(2f|5c|[01][0-9a-f]|7f)/i;

function publicOrigin(): string {
  const configured = env().BATON_PUBLIC_URL;
  return configured ? new URL(configured).origin : UNKNOWN_ORIGIN;
}

/**
 * Where a `callbackUrl` or other return target may send someone: the target resolved by the WHATWG URL
 * parser against BATON_PUBLIC_URL, returned as a path (`/requests/req_1?x=1#y`) when it keeps that origin,
 * else `/`. Never throws, whatever the input.
 */
export function safeRedirectTarget(target: unknown, base: string = publicOrigin()): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_TARGET_LENGTH) return FALLBACK;
  if (REFUSED_CHARACTER.test(target)) return FALLBACK;
  if (REFUSED_IN_PATH.test(target.split(/[?#]/, 1)[0]!)) return FALLBACK;
  let resolved: URL;
  try {
    resolved = new URL(target, base);
  } catch {
    return FALLBACK;
  }
  if (resolved.origin !== new URL(base).origin || resolved.username || resolved.password) return FALLBACK;
  const path = resolved.pathname + resolved.search + resolved.hash;
  // Dot segments can leave an empty first segment ("/.//evil.example" resolves to "//evil.example"),
  // which a browser would read as another host.
  return path.startsWith("/") && !path.startsWith("//") ? path : FALLBACK;
}
