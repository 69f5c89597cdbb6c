import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * An optimistic check only: visitors with no session cookie go to sign-in. Every page, action and
 * route handler still authenticates and authorizes for itself.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (path !== "/") signIn.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|_next/|\\.well-known/|sign-in|setup/|invite/|docs/|favicon.ico).*)"],
};
