// The HTTP calls the fault suite makes, as an agent, an admin, an approver in the browser and a resource
// server would. A call that got no answer (connection refused or reset, timeout) is `status: 0`.

export interface Answer {
  status: number;
  json: unknown;
  /** Why there was no answer, when status is 0. */
  error?: string;
}

export async function send(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(init.timeoutMs ?? 10_000) });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, json };
  } catch (error) {
    return { status: 0, json: null, error: (error as Error).cause ? String((error as { cause: unknown }).cause) : (error as Error).message };
  }
}

const jsonBody = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** An admin API call that must succeed: set-up steps are not what the suite tests. */
export async function adminCall<T>(baseUrl: string, token: string, path: string, body?: unknown): Promise<T> {
  const answer = await send(`${baseUrl}${path}`, body === undefined ? { headers: bearer(token) } : jsonBody(body, bearer(token)));
  if (answer.status < 200 || answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json as T;
}

/** Signs a person in through Auth.js's credentials callback, as the sign-in page does; returns the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(10_000) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: baseUrl }),
  });
  const session = response.headers.getSetCookie().find((cookie) => /session-token=/.test(cookie));
  if (!session) throw new Error(`signing in ${email} failed: ${response.status}`);
  return session.split(";")[0]!;
}

export function fileRequest(baseUrl: string, agentKey: string, body: unknown, idempotencyKey: string): Promise<Answer> {
  return send(`${baseUrl}/api/v1/access-requests`, jsonBody(body, { ...bearer(agentKey), "idempotency-key": idempotencyKey }));
}

/** An approver's decision from the browser: session cookie, same-origin `Origin`, JSON. */
export function decideInBrowser(baseUrl: string, sessionCookie: string, requestId: string, body: unknown): Promise<Answer> {
  return send(`${baseUrl}/api/ui/requests/${requestId}/decision`, jsonBody(body, { cookie: sessionCookie, origin: baseUrl }));
}

export function askDecision(baseUrl: string, resourceServerSecret: string, question: unknown): Promise<Answer> {
  return send(`${baseUrl}/api/v1/decisions`, { ...jsonBody(question, bearer(resourceServerSecret)), timeoutMs: 5000 });
}

export const allowed = (answer: Answer) => answer.status === 200 && (answer.json as { allow?: boolean }).allow === true;
