const SIGN_IN_TIMEOUT_MS = 15_000;

/**
 * Signs a person in over HTTP through next-auth's credentials callback, as the browser's form does, and
 * returns the session cookie (`name=value`). For tools that act as a signed-in person without a browser:
 * the benchmarks and the multi-instance checks.
 */
export async function signInForCookie(appUrl: string, credentials: { email: string; password: string }): Promise<string> {
  // Bounded, like every call the tools make: a server that stops answering fails the sign-in instead of hanging it.
  const csrfResponse = await fetch(`${appUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(SIGN_IN_TIMEOUT_MS) });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(SIGN_IN_TIMEOUT_MS),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: appUrl },
    body: new URLSearchParams({ csrfToken, email: credentials.email, password: credentials.password, callbackUrl: `${appUrl}/` }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`signing in as ${credentials.email} gave no session (HTTP ${response.status})`);
  return session;
}
