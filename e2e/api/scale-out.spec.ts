import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_TOKEN, MAIN_URL } from "../fixtures";

// Revocation and agent disablement must be denied on every app instance and every decision point, not
// only the one that made the change. This starts a second app instance and a `baton pdp` on the same
// PostgreSQL as the main test server, and watches all three.
const databaseUrl = process.env.E2E_MAIN_DATABASE_URL;
const SECOND_PORT = Number(process.env.E2E_MAIN_PORT ?? 3210) + 20;
const PDP_PORT = SECOND_PORT + 1;
const SECOND_URL = `http://localhost:${SECOND_PORT}`;
const PDP_URL = `http://127.0.0.1:${PDP_PORT}`;
const suffix = Date.now().toString(36);
const audience = `scale-${suffix}`;
const scope = `scale${suffix}.orders:read`;

test.skip(!databaseUrl, "needs PostgreSQL: several instances share one database (run npm test with TEST_DATABASE_URL)");
test.describe.configure({ mode: "serial" });

const children: ChildProcess[] = [];
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let rsSecret = "";
let agent = { id: "", key: "" };

async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function decide(request: APIRequestContext, base: string): Promise<boolean> {
  const response = await request.post(`${base}/api/v1/decisions`, { headers: { authorization: `Bearer ${rsSecret}` }, data: { agentId: agent.id, scope } });
  expect(response.status()).toBe(200);
  return (await response.json()).allow as boolean;
}

/** Milliseconds until every decision point denies (polling each every few ms), or a failure after 2 s. */
async function untilEveryoneDenies(request: APIRequestContext): Promise<Record<string, number>> {
  const started = performance.now();
  const latencies: Record<string, number> = {};
  await Promise.all(
    [MAIN_URL, SECOND_URL, PDP_URL].map(async (base) => {
      while (await decide(request, base)) {
        if (performance.now() - started > 2000) throw new Error(`${base} still allows after 2 s`);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      latencies[base] = Math.round(performance.now() - started);
    }),
  );
  return latencies;
}

test.beforeAll(async ({ request }) => {
  const env = { ...process.env, DATABASE_URL: databaseUrl!, BATON_PUBLIC_URL: MAIN_URL, BATON_DATA_DIR: process.env.E2E_MAIN_DATA_DIR ?? ".baton/e2e-main", BATON_USE_EXISTING_BUILD: "1" };
  children.push(spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/start.ts"], { env: { ...env, PORT: String(SECOND_PORT) }, stdio: "ignore" }));
  children.push(spawn(process.execPath, ["bin/baton.mjs", "pdp", "--port", String(PDP_PORT)], { env, stdio: "ignore" }));
  await Promise.all([waitFor(`${SECOND_URL}/api/health`), waitFor(`${PDP_URL}/healthz`)]);

  const server = await request.post(`${MAIN_URL}/api/v1/admin/resource-servers`, { headers: admin, data: { name: `orders-${suffix}`, audience } });
  rsSecret = (await server.json()).secret;
  expect((await request.post(`${MAIN_URL}/api/v1/admin/scopes`, { headers: admin, data: { key: scope, risk: "LOW", maxDurationSeconds: 3600, autoApprove: true, resourceServer: audience } })).status()).toBe(201);
});

test.afterAll(() => {
  for (const child of children) child.kill("SIGTERM");
});

async function grantedAgent(request: APIRequestContext, name: string) {
  const created = await request.post(`${MAIN_URL}/api/v1/admin/agents`, { headers: admin, data: { name: `${name}-${suffix}`, ownerEmail: "admin@e2e.baton.dev", eligibleScopes: [scope] } });
  const id = (await created.json()).id as string;
  const key = (await (await request.post(`${MAIN_URL}/api/v1/admin/agents/${id}/keys`, { headers: admin, data: {} })).json()).key as string;
  const filed = await request.post(`${MAIN_URL}/api/v1/access-requests`, { headers: { authorization: `Bearer ${key}` }, data: { scopes: [scope], justification: "Reading orders for the scale-out check", durationSeconds: 600 } });
  agent = { id, key };
  return (await filed.json()).grant.id as string;
}

test("a revocation through one instance is denied by the other instance and the PDP at once", async ({ request }) => {
  const grantId = await grantedAgent(request, "scale-bot");
  for (const base of [MAIN_URL, SECOND_URL, PDP_URL]) await expect.poll(() => decide(request, base), { timeout: 2000 }).toBe(true);

  // Revoked through the second instance; the main instance and the PDP must hear it too.
  const revoked = await request.post(`${SECOND_URL}/api/v1/grants/${grantId}/revoke`, { headers: admin, data: { reason: "scale-out check" } });
  expect(revoked.status()).toBe(200);
  const latencies = await untilEveryoneDenies(request);
  console.log(`revocation → deny (ms after the revoke returned): ${JSON.stringify(latencies)}`);
});

test("disabling an agent through one instance is denied everywhere at once", async ({ request }) => {
  await grantedAgent(request, "doomed-scale-bot");
  for (const base of [MAIN_URL, SECOND_URL, PDP_URL]) await expect.poll(() => decide(request, base), { timeout: 2000 }).toBe(true);
  expect((await request.post(`${MAIN_URL}/api/v1/admin/agents/${agent.id}/disable`, { headers: admin, data: {} })).status()).toBe(200);
  const latencies = await untilEveryoneDenies(request);
  console.log(`disable → deny (ms after the disable returned): ${JSON.stringify(latencies)}`);
});
