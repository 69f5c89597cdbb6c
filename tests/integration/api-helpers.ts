import type { AgentPrincipal } from "@/lib/kernel/principal";
import { bootstrapAdmin } from "@/lib/setup/bootstrap-admin";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const ADMIN_TOKEN = "integration-admin-token-0123456789abcdef";

export async function ensureAdmin(): Promise<string> {
  await bootstrapAdmin({ email: "admin@example.com", password: "admin password 123", name: "Admin", token: ADMIN_TOKEN });
  return ADMIN_TOKEN;
}

export interface CallOptions {
  method?: string;
  path?: string;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls a route handler exactly as Next.js would, with a real Request. */
export async function call(handler: Handler, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(`http://localhost${options.path ?? "/api/v1/test"}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
    signal: options.signal,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

/** The agent as the domain functions take it, for tests that call them directly; they read only its id (and the filing limit its key id). */
export const asAgent = (agentId: string, agentName = "test-agent"): AgentPrincipal & { credential: "agent-key" } => ({
  kind: "agent",
  agentId,
  agentName,
  ownerId: "",
  credential: "agent-key",
  keyId: "",
  keyPrefix: "",
});
