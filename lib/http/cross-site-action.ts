/**
 * Whether a POST to a page is a server action sent from another site. Next.js refuses those itself, but
 * as a 500 with a stack in the log; the proxy answers 403 before Next.js sees them. The rule is Next.js's
 * own: the Origin's host must be the forwarded host (else Host). A request without Origin passes here,
 * as in Next.js, and formAction's same-origin check refuses it; an Origin that is not a URL is refused.
 */
export function isCrossSiteServerAction(request: Request): boolean {
  if (request.method !== "POST") return false;
  const contentType = request.headers.get("content-type") ?? "";
  const mayBeAction = request.headers.has("next-action") || /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType);
  if (!mayBeAction) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (!host || origin === "null" || !URL.canParse(origin)) return true;
  return new URL(origin).host !== host;
}
