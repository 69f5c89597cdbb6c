/**
 * The policy every HTML page is served with. Scripts run only from Baton's own origin and only when
 * loaded by a script carrying this response's nonce ('strict-dynamic' lets Next.js's loader add its
 * chunks); no inline script runs without it. Styles keep 'unsafe-inline': Radix positions popovers and
 * the charts and API reference size themselves with style attributes, which a nonce cannot cover.
 * React needs eval only in development, for its error overlays.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and fresh for every response. */
export function newCspNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
