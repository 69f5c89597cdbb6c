import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newCspNonce } from "@/lib/http/content-security-policy";
import { isCrossSiteServerAction } from "@/lib/http/cross-site-action";
import { problemResponse } from "@/lib/http/problem";
import { AppError } from "@/lib/kernel/errors";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** Pages anyone may open: the session redirect leaves them alone. */
const PUBLIC_PAGES = /^\/(sign-in|setup\/|invite\/|docs\/)/;

/**
 * Runs before every page: refuses cross-site server-action posts, gives each response a fresh CSP
 * nonce (Next.js reads it from the request's Content-Security-Policy header and puts it on its own
 * scripts), and sends visitors with no session cookie to sign-in — an optimistic check only: every page,
 * action and route handler still authenticates and authorizes for itself.
 */
export function proxy(request: NextRequest) {
  if (isCrossSiteServerAction(request)) return problemResponse(new AppError("FORBIDDEN", "This form was not sent from a Baton page"));

  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && !PUBLIC_PAGES.test(pathname)) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname + search !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(signIn);
  }

  const nonce = newCspNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Every page; not route handlers (JSON, with the static headers of next.config.ts) or static assets.
  matcher: ["/((?!api/|_next/|\\.well-known/|favicon.ico).*)"],
};
