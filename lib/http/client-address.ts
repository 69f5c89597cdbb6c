/**
 * The caller's address for rate limiting. Only the hop our own server added is trusted: Next.js appends
 * the socket address to X-Forwarded-For, so a client-supplied value cannot pick someone else's bucket.
 * Behind a reverse proxy, BATON_TRUSTED_PROXY_HOPS says how many more hops to trust.
 */
export function clientAddress(request: Request): string {
  const hops = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const trusted = Math.max(0, Number(process.env.BATON_TRUSTED_PROXY_HOPS ?? 0) || 0);
  return hops[hops.length - 1 - trusted] ?? hops[0] ?? "unknown";
}
