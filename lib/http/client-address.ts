/**
 * The caller's address for rate limiting. scripts/serve.mjs stamps every request with its socket
 * address (overwriting any client-sent value), so a forged X-Forwarded-For cannot pick someone else's
 * bucket. Behind a reverse proxy, BATON_TRUSTED_PROXY_HOPS says how many X-Forwarded-For hops to trust.
 */
export function clientAddress(request: Request): string {
  const trusted = Math.max(0, Number(process.env.BATON_TRUSTED_PROXY_HOPS ?? 0) || 0);
  if (trusted > 0) {
    const hops = (request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    const hop = hops[hops.length - trusted];
    if (hop) return hop;
  }
  return request.headers.get("x-baton-client-address") ?? "unknown";
}
