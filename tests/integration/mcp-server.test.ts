import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ResourceUpdatedNotificationSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as metadataRoute from "@/app/.well-known/oauth-authorization-server/route";
import * as requestRoute from "@/app/api/v1/access-requests/[id]/route";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as scopeRoute from "@/app/api/v1/admin/scopes/[key]/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as grantsRoute from "@/app/api/v1/grants/route";
import * as revokeRoute from "@/app/api/v1/grants/[id]/revoke/route";
import * as tokenRoute from "@/app/api/v1/grants/[id]/token/route";
import * as scopesRoute from "@/app/api/v1/scopes/route";
import * as tokenExchangeRoute from "@/app/api/v1/token/route";
import * as mcpRoute from "@/app/api/mcp/route";
import * as revokeKeyRoute from "@/app/api/v1/admin/agents/[id]/keys/[keyId]/revoke/route";
import { decideRequest } from "@/lib/approvals/decide-request";
import { sweepMcpSessions } from "@/lib/mcp/handle-mcp-http-request";
import { prisma } from "@/lib/db";
import { call, ensureAdmin } from "./api-helpers";
import { serveBatonAndCrm } from "./downstream-fixtures";
import { BILLING, CRM, setUpWorld, type World } from "./resource-server-fixtures";

const BATON_BIN = fileURLToPath(new URL("../../bin/baton.mjs", import.meta.url));
const READ = "crm.customers:read";
const WRITE = "crm.customers:write";

let admin: string;
let world: World;
let bot: { id: string; key: string };
let servers: Awaited<ReturnType<typeof serveBatonAndCrm>>;

beforeAll(async () => {
  admin = await ensureAdmin();
  world = await setUpWorld(admin);
  // Writing customers needs a person from crm-approvers (alice); reading alone stays automatic, and
  // alongside writing it is decided by the same group.
  expect((await call(scopeRoute.PATCH, { token: admin, params: { key: WRITE }, body: { autoApprove: false, risk: "HIGH" } })).status).toBe(200);
  expect((await call(scopeRoute.PATCH, { token: admin, params: { key: READ }, body: { approverGroup: "crm-approvers" } })).status).toBe(200);
  const agent = await call(agentsRoute.POST, {
    token: admin,
    body: { name: "mcp-bot", ownerEmail: "owner@example.com", eligibleScopes: [READ, WRITE, "billing.invoices:read"] },
  });
  bot = { id: agent.json.id, key: (await call(keysRoute.POST, { token: admin, params: { id: agent.json.id } })).json.key };

  servers = await serveBatonAndCrm(world.crmSecret, [
    { method: "GET", path: "/.well-known/oauth-authorization-server", handler: metadataRoute.GET },
    { method: "POST", path: "/api/v1/access-requests", handler: requestsRoute.POST },
    { method: "GET", path: "/api/v1/access-requests/:id", handler: requestRoute.GET },
    { method: "GET", path: "/api/v1/grants", handler: grantsRoute.GET },
    { method: "POST", path: "/api/v1/grants/:id/token", handler: tokenRoute.POST },
    { method: "POST", path: "/api/v1/grants/:id/revoke", handler: revokeRoute.POST },
    { method: "GET", path: "/api/v1/scopes", handler: scopesRoute.GET },
    { method: "GET", path: "/api/v1/events", handler: eventsRoute.GET },
    { method: "POST", path: "/api/v1/token", handler: tokenExchangeRoute.POST },
    ...(["GET", "POST", "DELETE"] as const).map((method) => ({ method, path: "/api/mcp", handler: mcpRoute[method] })),
  ]);
});

afterAll(async () => {
  await servers?.close();
});

const callCrm = (method: "GET" | "POST", token: string) =>
  fetch(`${servers.crmUrl}/customers`, { method, headers: { authorization: `Bearer ${token}` } }).then(async (response) => ({
    status: response.status,
    json: await response.json(),
  }));

async function approveAsAlice(requestId: string, narrowing: { scopes: string[]; durationSeconds: number }) {
  const alice = await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
  return decideRequest({
    principal: { kind: "person" as const, userId: alice.id, role: alice.role, authTime: new Date() },
    requestId,
    decision: { kind: "approve", comment: "read only, and briefly", ...narrowing },
  });
}

type Structured = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function callTool(client: Client, name: string, args: Record<string, unknown> = {}, options: Parameters<Client["callTool"]>[2] = {}) {
  const result = (await client.callTool({ name, arguments: args }, undefined, options)) as CallToolResult;
  const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
  return { isError: result.isError === true, text, data: (result.structuredContent ?? {}) as Structured };
}

/** Resource-updated notifications for the active-grants resource, awaited one at a time. */
function grantUpdates(client: Client) {
  let count = 0;
  const waiters: { after: number; resolve: () => void }[] = [];
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
    if (notification.params.uri !== "baton://grants/active") return;
    count += 1;
    for (const waiter of waiters.splice(0)) if (count > waiter.after) waiter.resolve();
  });
  return {
    /** Resolves with the next notification after this call. */
    next: () => {
      const after = count;
      return new Promise<void>((resolve) => waiters.push({ after, resolve }));
    },
  };
}

/** The whole loop a model goes through, the same over every transport. */
async function requestApproveUseRelease(client: Client) {
  const { tools } = await client.listTools();
  expect(tools.map((tool) => tool.name).sort()).toEqual([
    "get_credentials",
    "get_token",
    "list_my_grants",
    "list_scopes",
    "release_grant",
    "request_access",
    "wait_for_decision",
  ]);
  const requestAccess = tools.find((tool) => tool.name === "request_access")!;
  expect(requestAccess.inputSchema.required).toEqual(["scopes", "justification", "duration"]);
  expect(requestAccess.description).toContain("wait_for_decision");

  const scopes = await callTool(client, "list_scopes");
  expect(scopes.isError).toBe(false);
  expect(scopes.data.scopes).toContainEqual(
    expect.objectContaining({ key: WRITE, risk: "HIGH", autoApproved: false, approvalsRequired: 1, maxDuration: "PT1H", audience: CRM }),
  );

  const updates = grantUpdates(client);
  await client.subscribeResource({ uri: "baton://grants/active" });

  const filed = await callTool(client, "request_access", {
    scopes: [READ, WRITE],
    justification: "Merge duplicate customer records for TICKET-7",
    duration: "PT30M",
    onBehalfOf: "bob@example.com",
  });
  expect(filed.isError).toBe(false);
  expect(filed.data).toMatchObject({
    status: "PENDING",
    scopesRequested: [READ, WRITE],
    durationRequested: "PT30M",
    onBehalfOf: "bob@example.com",
    grant: null,
  });
  const requestId = filed.data.requestId as string;

  // The approval happens once the tool is known to be waiting: its first progress notification says so.
  let progressSeen!: () => void;
  const waiting = new Promise<void>((resolve) => (progressSeen = resolve));
  const progress: { progress: number; total?: number; message?: string }[] = [];
  const issued = updates.next();
  const decision = callTool(
    client,
    "wait_for_decision",
    { requestId, timeoutSeconds: 120 },
    {
      onprogress: (notification) => {
        progress.push(notification);
        progressSeen();
      },
      timeout: 120_000,
    },
  );
  await waiting;
  expect((await approveAsAlice(requestId, { scopes: [READ], durationSeconds: 600 })).outcome).toBe("approved");
  const decided = await decision;
  expect(decided.isError).toBe(false);
  expect(decided.data).toMatchObject({ status: "APPROVED", grant: { scopes: [READ], status: "ACTIVE", onBehalfOf: "bob@example.com" } });
  expect(decided.data.grant.secondsRemaining).toBeLessThanOrEqual(600);
  expect(decided.text).toContain(`narrowed from ${READ}, ${WRITE}`);
  expect(progress[0]).toMatchObject({ progress: 0, total: 120, message: expect.stringContaining(requestId) });
  await issued;

  const grantId = decided.data.grant.grantId as string;
  const token = await callTool(client, "get_token", { grantId, audience: CRM });
  expect(token.isError).toBe(false);
  expect(token.data).toMatchObject({
    token_type: "Bearer",
    scope: READ,
    claims: { agent: bot.id, actsFor: "bob@example.com", grantId, audience: CRM, scope: READ },
  });
  expect(token.data.expires_in).toBeLessThanOrEqual(300);

  // The downstream service allows what was granted, and only that: writing was narrowed away.
  expect(await callCrm("GET", token.data.access_token)).toMatchObject({ status: 200, json: { grantId } });
  expect(await callCrm("POST", token.data.access_token)).toMatchObject({ status: 403 });

  const active = await client.readResource({ uri: "baton://grants/active" });
  expect(JSON.parse((active.contents[0] as { text: string }).text).grants.map((grant: { id: string }) => grant.id)).toContain(grantId);

  const revoked = updates.next();
  const released = await callTool(client, "release_grant", { grantId, reason: "records merged" });
  expect(released.data.grant).toMatchObject({ id: grantId, status: "REVOKED", revokeReason: "records merged" });
  await revoked;
  expect(await callCrm("GET", token.data.access_token)).toMatchObject({ status: 403, json: { reason: "grant_inactive" } });
  expect((await callTool(client, "list_my_grants")).data.grants.map((grant: { id: string }) => grant.id)).not.toContain(grantId);

  const afterRelease = await callTool(client, "get_token", { grantId, audience: CRM });
  expect(afterRelease).toMatchObject({ isError: true, text: expect.stringContaining("revoked") });
}

/** Calls a model might get wrong: each answers a tool error it can read, and the server keeps serving. */
async function refuseBadCalls(client: Client) {
  const notAnArray = await callTool(client, "request_access", { scopes: READ, justification: "Look up a customer record", duration: "PT5M" });
  expect(notAnArray).toMatchObject({ isError: true, text: expect.stringMatching(/Input validation error.*scopes/s) });
  const missing = await callTool(client, "wait_for_decision", { requestId: "req_00000000000000000000000000" });
  expect(missing).toMatchObject({ isError: true, text: expect.stringContaining("timeoutSeconds") });
  const wrongId = await callTool(client, "get_token", { grantId: "not-a-grant", audience: CRM });
  expect(wrongId).toMatchObject({ isError: true, text: expect.stringContaining("grant id") });
  const tooLong = await callTool(client, "wait_for_decision", { requestId: "req_00000000000000000000000000", timeoutSeconds: 86_400 });
  expect(tooLong.isError).toBe(true);

  const prose = await callTool(client, "request_access", { scopes: [READ], justification: "Look up a customer record", duration: "15 minutes" });
  expect(prose).toMatchObject({ isError: true, text: expect.stringContaining("ISO 8601") });
  const tooShort = await callTool(client, "request_access", { scopes: [READ], justification: "Look up a customer record", duration: "PT10S" });
  expect(tooShort).toMatchObject({ isError: true, text: "duration: must be at least 60 seconds" });
  const tooLongForScope = await callTool(client, "request_access", { scopes: [READ], justification: "Look up a customer record", duration: "P2D" });
  expect(tooLongForScope).toMatchObject({ isError: true, text: expect.stringContaining("at most 3600") });
  const notEligible = await callTool(client, "request_access", { scopes: ["logs.read"], justification: "Read the service logs", duration: "PT5M" });
  expect(notEligible).toMatchObject({ isError: true, text: expect.stringContaining("logs.read") });
  const unknown = await callTool(client, "wait_for_decision", { requestId: "req_00000000000000000000000000", timeoutSeconds: 0 });
  expect(unknown).toMatchObject({ isError: true, text: expect.stringContaining("not found") });
  await expect(client.subscribeResource({ uri: "baton://grants/other" })).rejects.toThrow(/Only baton:\/\/grants\/active/);

  expect((await callTool(client, "list_my_grants", { status: "all" })).isError).toBe(false);
}

/** An auto-approved request is granted at once; an admin's revocation reaches the subscriber too. */
async function autoApprovalAndAdminRevocation(client: Client) {
  const updates = grantUpdates(client);
  await client.subscribeResource({ uri: "baton://grants/active" });
  const issued = updates.next();
  const filed = await callTool(client, "request_access", { scopes: [READ], justification: "Look up the customer for TICKET-9", duration: "PT10M" });
  expect(filed.data).toMatchObject({ status: "APPROVED", grant: { scopes: [READ], status: "ACTIVE" } });
  await issued;
  const grantId = filed.data.grant.grantId as string;
  const token = (await callTool(client, "get_token", { grantId, audience: CRM })).data.access_token as string;
  expect((await callCrm("GET", token)).status).toBe(200);

  const revoked = updates.next();
  expect((await call(revokeRoute.POST, { token: admin, params: { id: grantId }, body: { reason: "incident closed" } })).status).toBe(200);
  await revoked;
  expect((await callCrm("GET", token)).status).toBe(403);
  await client.unsubscribeResource({ uri: "baton://grants/active" });
}

describe("baton mcp over stdio (the CLI, talking HTTP to Baton)", () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ name: "integration-host", version: "1.0.0" });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BATON_BIN, "mcp"],
      env: { ...getDefaultEnvironment(), BATON_URL: servers.batonUrl, BATON_API_KEY: bot.key },
      stderr: "pipe",
    });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client?.close();
  });

  it("requests access, waits for a person's narrowed approval, uses the token downstream and releases it", () => requestApproveUseRelease(client));
  it("answers bad calls with tool errors and keeps serving", () => refuseBadCalls(client));
  it("hands over an auto-approved grant at once and tells the subscriber of an admin's revocation", () => autoApprovalAndAdminRevocation(client));

  it("refuses to start with a wrong key, saying why on stderr", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BATON_BIN, "mcp"],
      env: { ...getDefaultEnvironment(), BATON_URL: servers.batonUrl, BATON_API_KEY: "baton_0123456789abcdef_wrongwrongwrongwrongwrongwrong" },
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr?.on("data", (chunk) => (stderr += String(chunk)));
    const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
    await expect(new Client({ name: "host", version: "1" }).connect(transport)).rejects.toThrow();
    await closed;
    expect(stderr).toMatch(/^baton mcp: 401 Authentication required/m);
  });
});

describe("MCP over streamable HTTP at /api/mcp", () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ name: "integration-host", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${servers.batonUrl}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${bot.key}` } } }),
    );
  });

  afterAll(async () => {
    await client?.close();
  });

  it("requests access, waits for a person's narrowed approval, uses the token downstream and releases it", () => requestApproveUseRelease(client));
  it("answers bad calls with tool errors and keeps serving", () => refuseBadCalls(client));
  it("hands over an auto-approved grant at once and tells the subscriber of an admin's revocation", () => autoApprovalAndAdminRevocation(client));

  it("needs an agent key on every request, and keeps each agent to its own sessions", async () => {
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
    };
    const post = (headers: Record<string, string>, body: unknown = initialize) =>
      fetch(`${servers.batonUrl}/api/mcp`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
        body: JSON.stringify(body),
      });

    const anonymous = await post({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    expect((await post({ authorization: `Bearer ${admin}` })).status).toBe(403);
    expect((await post({ authorization: `Bearer ${bot.key}` }, { jsonrpc: "2.0", id: 2, method: "tools/list" })).status).toBe(400);

    const opened = await post({ authorization: `Bearer ${bot.key}` });
    expect(opened.status).toBe(200);
    const sessionId = opened.headers.get("mcp-session-id")!;
    expect(sessionId).toBeTruthy();
    await opened.body?.cancel();
    const list = { jsonrpc: "2.0", id: 3, method: "tools/list" };
    const otherAgent = await post({ authorization: `Bearer ${world.other.key}`, "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" }, list);
    expect(otherAgent.status).toBe(404);
    const own = await post({ authorization: `Bearer ${bot.key}`, "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" }, list);
    expect(own.status).toBe(200);
    await own.body?.cancel();

    // A call that is not even a well-formed tools/call is a JSON-RPC error naming the field (the SDK's own
    // request validation answers it, with -32603), not a crash.
    const malformed = await post(
      { authorization: `Bearer ${bot.key}`, "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" },
      { jsonrpc: "2.0", id: 4, method: "tools/call", params: { name: "list_scopes", arguments: "all of them" } },
    );
    expect(await malformed.text()).toMatch(/"id":4,"error":\{"code":-326\d\d,"message":".*arguments.*expected record/);
  });

  it("ends a session, open notification stream included, once its key is revoked", async () => {
    const issued = await call(keysRoute.POST, { token: admin, params: { id: bot.id } });
    const headers = {
      authorization: `Bearer ${issued.json.key}`,
      accept: "application/json, text/event-stream",
      "content-type": "application/json",
      "mcp-protocol-version": "2025-11-25",
    };
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
    };
    const opened = await fetch(`${servers.batonUrl}/api/mcp`, { method: "POST", headers, body: JSON.stringify(initialize) });
    const session = { ...headers, "mcp-session-id": opened.headers.get("mcp-session-id")! };
    await opened.body?.cancel();
    await fetch(`${servers.batonUrl}/api/mcp`, {
      method: "POST",
      headers: session,
      body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
    });
    const stream = await fetch(`${servers.batonUrl}/api/mcp`, { headers: { ...session, accept: "text/event-stream" } });
    expect(stream.status).toBe(200);

    await sweepMcpSessions();
    expect((await call(revokeKeyRoute.POST, { token: admin, params: { id: bot.id, keyId: issued.json.id } })).status).toBe(200);
    await sweepMcpSessions();
    const reader = stream.body!.getReader();
    for (let chunk = await reader.read(); ; chunk = await reader.read()) if (chunk.done) break;
  });
});

describe("token exchange (RFC 8693) at POST /api/v1/token", () => {
  const GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
  const exchange = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${servers.batonUrl}/api/v1/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    }).then(async (response) => ({ status: response.status, headers: response.headers, json: await response.json() }));
  let grantId: string;
  const subject = () => ({ grant_type: GRANT_TYPE, subject_token: grantId, subject_token_type: "urn:baton:params:oauth:token-type:grant-id", audience: CRM });

  beforeAll(async () => {
    const filed = await call(requestsRoute.POST, {
      token: world.ops.key,
      body: {
        scopes: [READ, "billing.invoices:read"],
        justification: "Reconcile invoices with customers",
        durationSeconds: 600,
        onBehalfOf: "alice@example.com",
      },
    });
    grantId = filed.json.grant.id;
  });

  it("issues the grant token to the agent named by its key, as actor_token or as Bearer", async () => {
    const withActorToken = await exchange({ ...subject(), actor_token: world.ops.key, actor_token_type: "urn:baton:params:oauth:token-type:agent-key" });
    expect(withActorToken.status).toBe(200);
    expect(withActorToken.headers.get("cache-control")).toBe("no-store");
    expect(withActorToken.json).toMatchObject({ issued_token_type: "urn:ietf:params:oauth:token-type:access_token", token_type: "Bearer", scope: READ });
    expect(withActorToken.json.expires_in).toBeGreaterThan(0);
    expect(await callCrm("GET", withActorToken.json.access_token)).toMatchObject({ status: 200, json: { grantId } });

    const withBearer = await exchange({ ...subject(), resource: CRM, audience: CRM, scope: READ }, { authorization: `Bearer ${world.ops.key}` });
    expect(withBearer).toMatchObject({ status: 200, json: { scope: READ } });
  });

  it("answers RFC 6749 errors with the right status", async () => {
    const cases: [Record<string, string>, Record<string, string>, number, string][] = [
      [{ ...subject(), grant_type: "client_credentials" }, {}, 400, "unsupported_grant_type"],
      [{ subject_token: grantId }, {}, 400, "invalid_request"],
      // A JWT subject token is a workload identity exchange, whose resource is Baton itself: a resource server is the wrong target.
      [{ ...subject(), subject_token_type: "urn:ietf:params:oauth:token-type:jwt" }, { authorization: `Bearer ${world.ops.key}` }, 400, "invalid_target"],
      [subject(), {}, 401, "invalid_client"],
      [subject(), { authorization: "Bearer baton_0123456789abcdef_wrongwrongwrongwrongwrongwrong" }, 401, "invalid_client"],
      [{ ...subject(), actor_token: world.ops.key }, {}, 400, "invalid_request"],
      [
        { ...subject(), actor_token: world.ops.key, actor_token_type: "urn:baton:params:oauth:token-type:agent-key" },
        { authorization: `Bearer ${world.ops.key}` },
        400,
        "invalid_request",
      ],
      [subject(), { authorization: `Bearer ${world.other.key}` }, 400, "invalid_grant"],
      [{ ...subject(), subject_token: "grt_00000000000000000000000000" }, { authorization: `Bearer ${world.ops.key}` }, 400, "invalid_grant"],
      [{ ...subject(), audience: "https://nowhere.example.test" }, { authorization: `Bearer ${world.ops.key}` }, 400, "invalid_target"],
      [{ ...subject(), resource: BILLING }, { authorization: `Bearer ${world.ops.key}` }, 400, "invalid_target"],
      [{ ...subject(), scope: `${READ} ${WRITE}` }, { authorization: `Bearer ${world.ops.key}` }, 400, "invalid_scope"],
      [subject(), { authorization: `Bearer ${world.crmSecret}` }, 401, "invalid_client"],
    ];
    for (const [fields, headers, status, error] of cases) {
      const answer = await exchange(fields, headers);
      expect({ fields, status: answer.status, error: answer.json.error }).toEqual({ fields, status, error });
      expect(answer.json.error_description).toEqual(expect.any(String));
    }
    expect((await exchange(subject(), {})).headers.get("www-authenticate")).toContain("Bearer");
  });

  it("refuses a released grant with invalid_grant", async () => {
    const filed = await call(requestsRoute.POST, {
      token: world.ops.key,
      body: { scopes: [READ], justification: "Look up one customer record", durationSeconds: 600 },
    });
    await call(revokeRoute.POST, { token: world.ops.key, params: { id: filed.json.grant.id }, body: {} });
    const answer = await exchange({ ...subject(), subject_token: filed.json.grant.id }, { authorization: `Bearer ${world.ops.key}` });
    expect(answer).toMatchObject({ status: 400, json: { error: "invalid_grant", error_description: expect.stringContaining("revoked") } });
  });

  it("is announced in the authorization-server metadata", async () => {
    const metadata = await fetch(`${servers.batonUrl}/.well-known/oauth-authorization-server`).then((response) => response.json());
    expect(metadata).toMatchObject({
      token_endpoint: `${servers.batonUrl}/api/v1/token`,
      grant_types_supported: [GRANT_TYPE, "urn:ietf:params:oauth:grant-type:jwt-bearer"],
    });
  });
});
