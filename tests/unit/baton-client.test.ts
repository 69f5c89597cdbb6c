import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BatonApiError } from "@/lib/client/baton-api-error";
import { createBatonClient } from "@/lib/client/baton-client";
import { BatonNetworkError } from "@/lib/client/baton-network-error";
import { BatonUnexpectedResponseError } from "@/lib/client/baton-unexpected-response-error";
import { type HttpFetch, nodeHttpFetch } from "@/lib/client/node-http-fetch";
import type { GrantDto } from "@/lib/grants/schemas";
import type { AccessRequestDto } from "@/lib/requests/schemas";

const TOKEN = "bk_test_0123456789";
const LONG_POLL_ANSWER_MS = 100;

const grant: GrantDto = {
  id: "grt_01jd3z8k6q4d2w5h7x9c0v1b2n",
  requestId: "req_01jd3z8k6q4d2w5h7x9c0v1b2n",
  agentId: "agt_01jd3z8k6q4d2w5h7x9c0v1b2n",
  onBehalfOf: null,
  scopes: ["crm.customers:read"],
  status: "ACTIVE",
  startsAt: "2026-11-24T12:00:00.000Z",
  expiresAt: "2026-11-24T12:15:00.000Z",
  secondsRemaining: 900,
  incidentId: null,
  contextRef: "TICKET-1",
  authorizationDetails: null,
  revokedAt: null,
  revokeReason: null,
};

const pending: AccessRequestDto = {
  id: "req_01jd3z8k6q4d2w5h7x9c0v1b2n",
  status: "PENDING",
  agentId: grant.agentId,
  scopes: ["crm.customers:read"],
  justification: "Refund for TICKET-1",
  durationSeconds: 900,
  onBehalfOf: null,
  incidentId: null,
  contextRef: "TICKET-1",
  authorizationDetails: null,
  createdAt: "2026-11-24T12:00:00.000Z",
  pendingExpiresAt: "2026-11-25T12:00:00.000Z",
  decidedAt: null,
  reason: null,
  routing: null,
  grant: null,
};

const approved: AccessRequestDto = { ...pending, status: "APPROVED", decidedAt: "2026-11-24T12:00:01.000Z", grant };

interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Answers like the contract: the routes the client calls, the problems it must understand, and a long-poll. */
function contractServer() {
  const seen: SeenRequest[] = [];
  let pollsUntilDecided = 0;

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const url = new URL(req.url ?? "/", "http://localhost");
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(value));
      };
      const problem = (status: number, title: string, detail: string, errors?: { field: string; message: string }[]) => {
        res.writeHead(status, { "content-type": "application/problem+json" }).end(JSON.stringify({ type: "about:blank", title, status, detail, errors }));
      };

      if (url.pathname.startsWith("/behind-proxy/")) {
        return void res.writeHead(502, "Bad Gateway", { "content-type": "text/html" }).end("<html><body>\n<h1>502 Bad Gateway</h1>\n</body></html>");
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return problem(401, "Unauthorized", "Send an API key as a Bearer token");
      const route = `${req.method} ${url.pathname}`;
      switch (route) {
        case "POST /api/v1/access-requests": {
          const parsed = JSON.parse(body) as { justification: string };
          if (parsed.justification.length < 10) {
            return problem(400, "Invalid request", "The body does not match the schema", [
              { field: "justification", message: "must explain the need in at least 10 characters" },
              { field: "scopes.0", message: "must be 1–64 characters of a–z, 0–9, ':', '.', '_' or '-'" },
            ]);
          }
          return json(201, pending);
        }
        case "GET /api/v1/access-requests":
          return json(200, { items: [pending], nextCursor: "cursor-2" });
        case `GET /api/v1/access-requests/${pending.id}`:
          // The long-poll answers once "an approver decides", a moment after the request arrives.
          return setTimeout(() => {
            if (pollsUntilDecided > 0) pollsUntilDecided -= 1;
            json(200, pollsUntilDecided === 0 ? approved : pending);
          }, LONG_POLL_ANSWER_MS);
        case "GET /api/v1/access-requests/req_forever":
          return setTimeout(() => json(200, { ...pending, id: "req_forever" }), LONG_POLL_ANSWER_MS);
        case "GET /api/v1/access-requests/req_missing":
          return problem(404, "Not found", "No such request for this agent");
        case `POST /api/v1/access-requests/${pending.id}/cancel`:
          return json(200, { ...pending, status: "CANCELLED", reason: "no longer needed" });
        case "GET /api/v1/grants":
          return json(200, { items: [grant] });
        case "GET /api/v1/admin/scopes":
          return json(200, { items: [{ key: "Not A Key!" }] });
        case "POST /api/v1/admin/agents/agt_1/keys":
          return json(201, {
            id: "key_1",
            prefix: "bk_abcd",
            createdAt: "2026-11-24T12:00:00.000Z",
            lastUsedAt: null,
            expiresAt: null,
            revokedAt: null,
            key: "bk_abcd_secret",
          });
        case "POST /api/v1/admin/agents/agt_1/keys/key_1/revoke":
          return json(200, {
            id: "key_1",
            prefix: "bk_abcd",
            createdAt: "2026-11-24T12:00:00.000Z",
            lastUsedAt: null,
            expiresAt: null,
            revokedAt: "2026-11-24T12:05:00.000Z",
          });
        case "GET /api/v1/admin/agents":
          return json(429, { type: "about:blank", title: "Too many requests", status: 429, detail: "Slow down" }, { "retry-after": "30" });
        default:
          return problem(404, "Not found", `No route ${route}`);
      }
    });
  });

  return {
    seen,
    decideAfterPolls: (polls: number) => (pollsUntilDecided = polls),
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Every contract case on both transports: the global fetch (the default) and node:http (the CLI's).
describe.each<[string, HttpFetch | undefined]>([
  ["the global fetch", undefined],
  ["node:http", nodeHttpFetch],
])("Baton client on %s against a contract-shaped server", (_transport, transport) => {
  const server = contractServer();
  let baseUrl = "";
  let client: ReturnType<typeof createBatonClient>;

  beforeAll(async () => {
    baseUrl = await server.listen();
    client = createBatonClient({ baseUrl: `${baseUrl}/`, token: TOKEN, fetch: transport });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.seen.length = 0;
  });

  it("files a request with its idempotency key, bearer token and JSON body", async () => {
    const request = await client.fileRequest(
      { scopes: ["crm.customers:read"], justification: "Refund for TICKET-1", durationSeconds: 900 },
      { idempotencyKey: "K-1" },
    );

    expect(request).toEqual(pending);
    const [sent] = server.seen;
    expect(sent?.method).toBe("POST");
    expect(sent?.url).toBe("/api/v1/access-requests");
    expect(sent?.headers["idempotency-key"]).toBe("K-1");
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent?.body ?? "")).toEqual({ scopes: ["crm.customers:read"], justification: "Refund for TICKET-1", durationSeconds: 900 });
  });

  it("sends no idempotency header when none is given", async () => {
    await client.fileRequest({ scopes: ["crm.customers:read"], justification: "Refund for TICKET-1", durationSeconds: 900 });
    expect(server.seen[0]?.headers).not.toHaveProperty("idempotency-key");
  });

  it("throws BatonApiError carrying the problem and its field errors", async () => {
    const error = await client.fileRequest({ scopes: ["CRM"], justification: "short", durationSeconds: 900 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BatonApiError);
    const apiError = error as BatonApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.title).toBe("Invalid request");
    expect(apiError.detail).toBe("The body does not match the schema");
    expect(apiError.errors).toEqual([
      { field: "justification", message: "must explain the need in at least 10 characters" },
      { field: "scopes.0", message: "must be 1–64 characters of a–z, 0–9, ':', '.', '_' or '-'" },
    ]);
    expect(apiError.problem).toMatchObject({ type: "about:blank", status: 400 });
    expect(apiError.method).toBe("POST");
    expect(apiError.url).toBe(`${baseUrl}/api/v1/access-requests`);
    expect(apiError.message).toBe(
      "400 Invalid request: The body does not match the schema (justification: must explain the need in at least 10 characters; scopes.0: must be 1–64 characters of a–z, 0–9, ':', '.', '_' or '-')",
    );
  });

  it("long-polls with ?wait and parses the decided request", async () => {
    server.decideAfterPolls(1);
    const startedAt = Date.now();
    const request = await client.getRequest(pending.id, { waitSeconds: 30 });

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(LONG_POLL_ANSWER_MS - 5);
    expect(server.seen[0]?.url).toBe(`/api/v1/access-requests/${pending.id}?wait=30`);
    expect(request.status).toBe("APPROVED");
    expect(request.grant).toEqual(grant);
  });

  it("waitForDecision polls until the request leaves PENDING", async () => {
    server.decideAfterPolls(2);
    const ticks: string[] = [];
    const request = await client.waitForDecision(pending.id, { timeoutMs: 120_000, onTick: (seen) => ticks.push(seen.status) });

    expect(request.status).toBe("APPROVED");
    expect(ticks).toEqual(["PENDING"]);
    expect(server.seen.map((seen) => seen.url)).toEqual([`/api/v1/access-requests/${pending.id}?wait=60`, `/api/v1/access-requests/${pending.id}?wait=60`]);
  });

  it("waitForDecision returns the pending request once the timeout passes, asking for no more than remains", async () => {
    const startedAt = Date.now();
    const request = await client.waitForDecision("req_forever", { timeoutMs: 1500 });
    const elapsed = Date.now() - startedAt;

    expect(request.status).toBe("PENDING");
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    expect(elapsed).toBeLessThan(3500);
    // The server answered early each time; the client still paused between polls instead of spinning.
    expect(server.seen.length).toBeLessThanOrEqual(3);
    expect(server.seen[0]?.url).toBe("/api/v1/access-requests/req_forever?wait=2");
  });

  it("lists requests with the query, cancels with a reason, and unwraps grant lists", async () => {
    const page = await client.listRequests({ status: "PENDING", limit: 10 });
    expect(page).toEqual({ items: [pending], nextCursor: "cursor-2" });
    expect(server.seen[0]?.url).toBe("/api/v1/access-requests?status=PENDING&limit=10");

    const cancelled = await client.cancelRequest(pending.id, { reason: "no longer needed" });
    expect(cancelled.status).toBe("CANCELLED");
    expect(JSON.parse(server.seen[1]?.body ?? "")).toEqual({ reason: "no longer needed" });

    expect(await client.listGrants({ status: "all" })).toEqual([grant]);
    expect(server.seen[2]?.url).toBe("/api/v1/grants?status=all");
  });

  it("issues and revokes agent keys on their routes", async () => {
    const issued = await client.createAgentKey("agt_1");
    expect(issued.key).toBe("bk_abcd_secret");
    expect(JSON.parse(server.seen[0]?.body ?? "")).toEqual({});

    const revoked = await client.revokeAgentKey("agt_1", "key_1");
    expect(revoked.revokedAt).toBe("2026-11-24T12:05:00.000Z");
    expect(server.seen[1]?.body).toBe("");
  });

  it("encodes ids so they cannot reach another route", async () => {
    await expect(client.getRequest("../grants")).rejects.toMatchObject({ status: 404 });
    expect(server.seen[0]?.url).toBe("/api/v1/access-requests/..%2Fgrants");
  });

  it("reads Retry-After from a 429", async () => {
    await expect(client.listAgents()).rejects.toMatchObject({ name: "BatonApiError", status: 429, retryAfterSeconds: 30 });
  });

  it("keeps a base URL's path, and turns a non-problem error page into a problem that keeps the status", async () => {
    const proxied = createBatonClient({ baseUrl: `${baseUrl}/behind-proxy`, token: TOKEN, fetch: transport });
    const error = await proxied.listScopes().catch((caught: unknown) => caught);
    expect(server.seen[0]?.url).toBe("/behind-proxy/api/v1/admin/scopes");
    expect(error).toBeInstanceOf(BatonApiError);
    expect(error).toMatchObject({ status: 502, title: "Bad Gateway", detail: "<html><body> <h1>502 Bad Gateway</h1> </body></html>", errors: [] });
  });

  it("refuses a 2xx answer outside the contract", async () => {
    const error = await client.listScopes().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BatonUnexpectedResponseError);
    expect((error as Error).message).toMatch(/^Unexpected answer from GET .*\/api\/v1\/admin\/scopes \(HTTP 200\): items\.0\.\w+: /);
  });

  it("reports an unauthenticated call as a 401 problem", async () => {
    const anonymous = createBatonClient({ baseUrl, token: "wrong", fetch: transport });
    await expect(anonymous.getRequest("req_missing")).rejects.toMatchObject({ status: 401, title: "Unauthorized" });
  });
});

describe.each<[string, HttpFetch | undefined]>([
  ["the global fetch", undefined],
  ["node:http", nodeHttpFetch],
])("Baton client on %s against a server that accepts and never answers", (_transport, transport) => {
  const silent = http.createServer(() => undefined);
  let baseUrl = "";
  beforeAll(async () => {
    baseUrl = await new Promise<string>((resolve) =>
      silent.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`)),
    );
  });
  afterAll(() => {
    silent.closeAllConnections();
    silent.close();
  });

  it("gives up after the answer timeout, and says so", async () => {
    const client = createBatonClient({ baseUrl, token: TOKEN, fetch: transport, answerTimeoutMs: 200 });
    const error = await client.getRequest("req_1").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BatonNetworkError);
    expect((error as Error).message).toBe(`Could not reach Baton at ${baseUrl}/api/v1/access-requests/req_1: no answer within 0.2 s`);
  });

  it("gives a long-poll its wait on top of the answer timeout", async () => {
    const client = createBatonClient({ baseUrl, token: TOKEN, fetch: transport, answerTimeoutMs: 200 });
    const error = await client.getRequest("req_1", { waitSeconds: 1 }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/no answer within 1\.2 s$/);
  });

  it("fails to open an event stream that never answers", async () => {
    const client = createBatonClient({ baseUrl, token: TOKEN, fetch: transport, answerTimeoutMs: 200 });
    const stop = new AbortController();
    await expect(client.followEvents(() => undefined, { signal: stop.signal })).rejects.toThrow(/no answer within 0\.2 s/);
    stop.abort();
  });
});

describe("Baton client without a server", () => {
  it("names the URL it could not reach", async () => {
    const closed = http.createServer();
    const port = await new Promise<number>((resolve) => closed.listen(0, "127.0.0.1", () => resolve((closed.address() as AddressInfo).port)));
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const client = createBatonClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN });
    const error = await client.getRequest("req_1").catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BatonNetworkError);
    expect((error as Error).message).toBe(
      `Could not reach Baton at http://127.0.0.1:${port}/api/v1/access-requests/req_1: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it("refuses a base URL that is not http(s)", () => {
    expect(() => createBatonClient({ baseUrl: "localhost:3000", token: TOKEN })).toThrow(/must be http or https/);
    expect(() => createBatonClient({ baseUrl: "not a url", token: TOKEN })).toThrow(/not a valid URL/);
  });
});
