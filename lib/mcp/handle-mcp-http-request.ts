import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { filterUsableAgentKeys } from "@/lib/agents/filter-usable-agent-keys";
import { systemClock } from "@/lib/kernel/clock";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { requireAgent } from "@/lib/authorization/rules";
import { authenticate, bearerToken } from "@/lib/http/api-route";
import { mcpAuthenticationChallenge } from "./describe-protected-resource";
import type { AgentPrincipal } from "@/lib/kernel/principal";
import { problemResponse } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createBatonMcpServer } from "./create-baton-mcp-server";
import { inProcessAgentBackend } from "./in-process-agent-backend";

interface Session {
  agentId: string;
  /** The key that opened the session: once it stops authenticating, the session (and its open stream) ends. Null for an access token. */
  keyId: string | null;
  /** When the access token that opened the session expires: its open stream ends then. */
  expiresAt: number | null;
  transport: WebStandardStreamableHTTPServerTransport;
  server: McpServer;
  lastSeenAt: number;
  /** Open GET streams (server-to-client notifications): a session listening on one is not idle. */
  openStreams: number;
}

/** A session with no request and no open stream for this long is closed. */
const IDLE_SESSION_MS = 30 * 60_000;
const SWEEP_INTERVAL_MS = 60_000;
/** Per agent; opening one more closes the least recently used. */
const MAX_SESSIONS_PER_AGENT = 10;

// Sessions live in this process (the SDK keeps a session's state in memory): with several Baton
// instances, route a session's requests to the instance that created it.
const state = globalThis as unknown as { __batonMcpSessions?: Map<string, Session>; __batonMcpSweep?: ReturnType<typeof setInterval> };
const sessions = (state.__batonMcpSessions ??= new Map<string, Session>());

/**
 * Every request is authenticated again, but an open notification stream is one long request: sessions
 * whose key was revoked, expired or whose agent was disabled are closed here, within a sweep interval.
 */
export async function sweepMcpSessions() {
  const now = Date.now();
  for (const session of sessions.values()) if (session.openStreams === 0 && now - session.lastSeenAt > IDLE_SESSION_MS) void session.transport.close();
  const open = [...sessions.values()];
  for (const session of open) if (session.expiresAt !== null && session.expiresAt <= now) void session.transport.close();
  const keyIds = [...new Set(open.flatMap((session) => (session.keyId ? [session.keyId] : [])))];
  const usable = await filterUsableAgentKeys({ keyIds }).catch(() => null);
  if (usable) for (const session of open) if (session.keyId && !usable.has(session.keyId)) void session.transport.close();
}

function closeOldestBeyondLimit(agentId: string) {
  const own = [...sessions.values()].filter((session) => session.agentId === agentId).sort((a, b) => a.lastSeenAt - b.lastSeenAt);
  for (const session of own.slice(0, Math.max(0, own.length - MAX_SESSIONS_PER_AGENT + 1))) void session.transport.close();
}

const jsonRpcError = (status: number, message: string) =>
  Response.json({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }, { status, headers: { "Cache-Control": "no-store" } });

async function openSession(agent: AgentPrincipal, request: Request): Promise<Session> {
  if (!state.__batonMcpSweep) {
    state.__batonMcpSweep = setInterval(() => void sweepMcpSessions(), SWEEP_INTERVAL_MS);
    state.__batonMcpSweep.unref?.();
  }
  closeOldestBeyondLimit(agent.agentId);
  const issuer = tokenIssuer(request);
  const server = createBatonMcpServer({
    backend: inProcessAgentBackend({ agent, issuer }),
    requestPageUrl: (requestId) => `${issuer}/requests/${requestId}`,
  });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => crypto.randomUUID(),
    onsessioninitialized: (id) => void sessions.set(id, session),
  });
  const session: Session = {
    agentId: agent.agentId,
    keyId: agent.credential === "agent-key" ? agent.keyId : null,
    expiresAt: agent.credential === "access-token" ? agent.expiresAt.getTime() : null,
    server,
    transport,
    lastSeenAt: Date.now(),
    openStreams: 0,
  };
  transport.onclose = () => {
    if (transport.sessionId) sessions.delete(transport.sessionId);
  };
  await server.connect(transport);
  return session;
}

/**
 * Streamable HTTP for MCP at /api/mcp, an OAuth resource server per the MCP authorization specification:
 * every request carries an agent access token bound to this server (or an agent key) as Bearer, checked
 * each time, so a revoked key or disabled agent is out at once; without a usable one the answer is 401
 * with `WWW-Authenticate: Bearer resource_metadata=…` (RFC 9728). The token is never passed on: tools
 * act in process, as the agent it names. `initialize` opens a session bound to that agent,
 * and later requests name it in Mcp-Session-Id. Another agent's session id is "not found".
 */
export async function handleMcpHttpRequest(request: Request): Promise<Response> {
  let agent: AgentPrincipal;
  try {
    // Agent access tokens count here only when bound to the MCP server (RFC 8707); agent keys where still allowed.
    const principal = await authenticate(request, systemClock, bearerToken(request), "mcp");
    requireAgent(principal);
    agent = principal;
  } catch (error) {
    const response = problemResponse(error);
    if (response.status === 401) response.headers.set("WWW-Authenticate", mcpAuthenticationChallenge(tokenIssuer(request)));
    return response;
  }

  let parsedBody: unknown;
  if (request.method === "POST") {
    try {
      parsedBody = await readJsonBody(request);
    } catch (error) {
      return problemResponse(error);
    }
  }

  const sessionId = request.headers.get("mcp-session-id");
  let session: Session | undefined;
  if (sessionId) {
    session = sessions.get(sessionId);
    if (!session || session.agentId !== agent.agentId) return jsonRpcError(404, "Session not found: initialize a new one");
  } else if (request.method === "POST" && isInitializeRequest(parsedBody)) {
    session = await openSession(agent, request);
  } else {
    return jsonRpcError(400, "Mcp-Session-Id is required (send initialize first)");
  }

  session.lastSeenAt = Date.now();
  const response = await session.transport.handleRequest(request, { parsedBody });
  if (request.method === "GET" && response.ok && response.body) return trackOpenStream(session, response);
  return response;
}

/** Counts the notification stream as activity until it ends, however it ends (client gone, session closed). */
function trackOpenStream(session: Session, response: Response): Response {
  session.openStreams += 1;
  let open = true;
  const release = () => {
    if (!open) return;
    open = false;
    session.openStreams -= 1;
    session.lastSeenAt = Date.now();
  };
  const reader = response.body!.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
