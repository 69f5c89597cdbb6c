import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { MAIN_URL, adminPost, freshSuffix, signIn } from "./fixtures";

const BATON_BIN = path.resolve(import.meta.dirname, "..", "bin", "baton.mjs");
/** An approver in a group, a person the agent acts for, a resource server, two scopes it enforces (routed to the group) and an agent with a key. */
async function seed(request: APIRequestContext) {
  const suffix = freshSuffix();
  const approver = { email: `mia-${suffix}@e2e.baton.dev`, password: `mia-password-${suffix}`, name: `Mia ${suffix}` };
  const principal = { email: `paul-${suffix}@e2e.baton.dev`, password: `paul-password-${suffix}`, name: `Paul ${suffix}` };
  await adminPost(request, "/api/v1/admin/users", { ...approver, role: "APPROVER" });
  await adminPost(request, "/api/v1/admin/users", { ...principal, role: "VIEWER" });
  const group = `e2e-mcp-${suffix}`;
  await adminPost(request, "/api/v1/admin/groups", { name: group, memberEmails: [approver.email] });
  const audience = `https://crm-${suffix}.e2e.test`;
  await adminPost(request, "/api/v1/admin/resource-servers", { name: `crm-${suffix}`, audience });
  const scopes = { read: `e2e.crm${suffix}:read`, write: `e2e.crm${suffix}:write` };
  for (const [key, risk] of [
    [scopes.read, "LOW"],
    [scopes.write, "HIGH"],
  ] as const)
    await adminPost(request, "/api/v1/admin/scopes", {
      key,
      risk,
      description: "CRM customers",
      maxDurationSeconds: 7200,
      approverGroup: group,
      resourceServer: audience,
    });
  const name = `e2e-mcp-bot-${suffix}`;
  const agent = await adminPost<{ id: string }>(request, "/api/v1/admin/agents", {
    name,
    ownerEmail: "admin@e2e.baton.dev",
    eligibleScopes: Object.values(scopes),
  });
  const { key } = await adminPost<{ key: string }>(request, `/api/v1/admin/agents/${agent.id}/keys`, {});
  return { approver, principal, audience, scopes, agent: { id: agent.id, name, key } };
}

type World = Awaited<ReturnType<typeof seed>>;

const test = base.extend<{ approverPage: (world: World) => Promise<Page> }>({
  approverPage: async ({ browser }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (world) => {
      const context = await browser.newContext({ baseURL: MAIN_URL, storageState: { cookies: [], origins: [] } });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, world.approver);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

async function callTool(client: Client, name: string, args: Record<string, unknown>, options: Parameters<Client["callTool"]>[2] = {}) {
  const result = (await client.callTool({ name, arguments: args }, undefined, options)) as CallToolResult;
  expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false);
  return result.structuredContent as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The acceptance check: an MCP client asks, a person narrows and approves in the browser, the waiting tool returns the grant, and the token names agent, person and grant. */
async function requestApprovedInTheBrowser(transport: Transport, world: World, page: Page) {
  const client = new Client({ name: "e2e-agent-host", version: "1.0.0" });
  await client.connect(transport);
  try {
    const filed = await callTool(client, "request_access", {
      scopes: [world.scopes.read, world.scopes.write],
      justification: "Merge duplicate customer records for TICKET-42",
      duration: "PT1H",
      onBehalfOf: world.principal.email,
    });
    expect(filed.status).toBe("PENDING");
    const decision = callTool(client, "wait_for_decision", { requestId: filed.requestId, timeoutSeconds: 50 }, { timeout: 60_000 });

    await page.goto(`/requests/${filed.requestId}`);
    await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
    await page.getByRole("button", { name: "Approve" }).click();
    const dialog = page.getByRole("dialog", { name: `Approve the request from ${world.agent.name}` });
    await dialog.getByRole("checkbox", { name: world.scopes.write }).uncheck();
    await dialog.getByLabel("Duration").selectOption({ label: "15 min" });
    await dialog.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("main").getByText(/^Approved the request/)).toBeVisible();

    const decided = await decision;
    expect(decided).toMatchObject({ status: "APPROVED", grant: { scopes: [world.scopes.read], status: "ACTIVE", onBehalfOf: world.principal.email } });
    expect(decided.grant.secondsRemaining).toBeLessThanOrEqual(900);

    const token = await callTool(client, "get_token", { grantId: decided.grant.grantId, audience: world.audience });
    expect(token.claims).toMatchObject({
      agent: world.agent.id,
      actsFor: world.principal.email,
      grantId: decided.grant.grantId,
      audience: world.audience,
      scope: world.scopes.read,
    });
    const released = await callTool(client, "release_grant", { grantId: decided.grant.grantId, reason: "done" });
    expect(released.grant.status).toBe("REVOKED");
  } finally {
    await client.close();
  }
}

test("baton mcp (stdio): a request approved and narrowed in the browser comes back to the waiting agent with a token naming agent, person and grant", async ({
  request,
  approverPage,
}) => {
  test.setTimeout(90_000);
  const world = await seed(request);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BATON_BIN, "mcp"],
    env: { ...getDefaultEnvironment(), BATON_URL: MAIN_URL, BATON_API_KEY: world.agent.key },
    stderr: "pipe",
  });
  await requestApprovedInTheBrowser(transport, world, await approverPage(world));
});

test("MCP over streamable HTTP at /api/mcp: the same loop against the running app", async ({ request, approverPage }) => {
  test.setTimeout(90_000);
  const world = await seed(request);
  const transport = new StreamableHTTPClientTransport(new URL(`${MAIN_URL}/api/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${world.agent.key}` } },
  });
  await requestApprovedInTheBrowser(transport, world, await approverPage(world));
});
