import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as tokenRoute from "@/app/api/v1/grants/[id]/token/route";
import * as revokeRoute from "@/app/api/v1/grants/[id]/revoke/route";
import * as resourceServersRoute from "@/app/api/v1/admin/resource-servers/route";
import * as rotateSecretRoute from "@/app/api/v1/admin/resource-servers/[id]/rotate-secret/route";
import * as revokeServerRoute from "@/app/api/v1/admin/resource-servers/[id]/revoke/route";
import { LISTENER_APPLICATION_NAME } from "@/lib/pdp/listen-for-changes";
import { startPdp, type RunningPdp } from "@/lib/pdp/start-pdp";
import { call, ensureAdmin } from "./api-helpers";
import { CRM, grantFor, setUpWorld, type World } from "./resource-server-fixtures";
import { testDatabaseKind } from "./setup-database";

// Route handlers called directly issue tokens for the origin of the request they are given.
const ISSUER = "http://localhost";
const onPostgres = testDatabaseKind === "postgresql";
if (!onPostgres) console.info("pdp.test.ts: skipped — the standalone decision point needs PostgreSQL (set BATON_TEST_DB=postgresql and TEST_DATABASE_URL)");

let world: World;
let admin: string;
let pdps: RunningPdp[] = [];

async function ask(pdp: RunningPdp, path: string, body: unknown, secret = world.crmSecret) {
  const response = await fetch(`${pdp.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

async function health(pdp: RunningPdp) {
  const response = await fetch(`${pdp.url}/healthz`);
  return { status: response.status, json: await response.json() };
}

/** Polls until `condition` holds; returns how long that took. */
async function pollUntil(condition: () => Promise<boolean>, timeoutMs = 2000): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`still not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return performance.now() - started;
}

describe.runIf(onPostgres)("baton pdp: a standalone decision point on PostgreSQL", () => {
  beforeAll(async () => {
    admin = await ensureAdmin();
    world = await setUpWorld(admin);
    const databaseUrl = process.env.DATABASE_URL!;
    pdps = await Promise.all([
      startPdp({ databaseUrl, issuer: ISSUER, port: 0 }),
      startPdp({ databaseUrl, issuer: ISSUER, port: 0, tokenCache: false, maxStalenessMs: 1000 }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(pdps.map((pdp) => pdp.close()));
  });

  it("refuses callers without a resource-server secret, and anything but its three routes", async () => {
    const [pdp] = pdps;
    expect((await ask(pdp!, "/api/v1/decisions", { agentId: world.ops.id, scope: "crm.customers:read" }, "batonrs_" + "A".repeat(43))).status).toBe(401);
    expect((await ask(pdp!, "/api/v1/decisions", { agentId: world.ops.id, scope: "crm.customers:read" }, world.ops.key)).status).toBe(401);
    expect((await ask(pdp!, "/api/v1/decisions", { scope: "crm.customers:read" })).status).toBe(400);
    expect((await ask(pdp!, "/api/v1/grants", {})).status).toBe(404);
  });

  it("allows on both decision points, then denies on both soon after a revocation through the API", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"]);
    const issued = await call(tokenRoute.POST, { token: world.ops.key, params: { id: grant.id }, body: { audience: CRM } });
    expect(issued.status).toBe(200);
    const token = issued.json.access_token as string;

    for (const pdp of pdps) {
      expect((await ask(pdp, "/api/v1/decisions", { token, scope: "crm.customers:read" })).json).toMatchObject({
        allow: true,
        reason: "granted",
        grantId: grant.id,
      });
      expect((await ask(pdp, "/api/v1/decisions", { agentId: world.ops.id, scope: "crm.customers:read" })).json).toMatchObject({ allow: true });
      expect((await ask(pdp, "/api/v1/introspect", { token })).json).toMatchObject({
        active: true,
        scope: "crm.customers:read",
        grant_id: grant.id,
        sub: world.ops.id,
      });
      expect((await ask(pdp, "/api/v1/introspect", { token }, world.billingSecret)).json).toEqual({ active: false });
    }

    expect((await call(revokeRoute.POST, { token: world.ops.key, params: { id: grant.id } })).status).toBe(200);
    const latencies = await Promise.all(
      pdps.map((pdp) => pollUntil(async () => (await ask(pdp, "/api/v1/decisions", { token, scope: "crm.customers:read" })).json.allow === false)),
    );
    console.info(`pdp.test.ts: revocation seen as a deny after ${latencies.map((ms) => `${ms.toFixed(1)} ms`).join(" and ")} (goal: under 100 ms)`);
    for (const pdp of pdps) {
      expect((await ask(pdp, "/api/v1/decisions", { token, scope: "crm.customers:read" })).json).toEqual({ allow: false, reason: "grant_inactive" });
      expect((await ask(pdp, "/api/v1/introspect", { token })).json).toEqual({ active: false });
    }
  });

  it("decides by a grant's constraints: tenant acme allowed, globex outside_constraints, and introspection carries them", async () => {
    const constraints = [{ type: "baton_constraint", locations: ["tenant:acme"], actions: ["read"] }];
    const filed = await call(requestsRoute.POST, {
      token: world.ops.key,
      body: { scopes: ["crm.customers:read"], justification: "Reading tenant acme's customers", durationSeconds: 600, authorizationDetails: constraints },
    });
    expect(filed.json.grant.authorizationDetails).toEqual(constraints);
    const grantId = filed.json.grant.id as string;
    const token = (await call(tokenRoute.POST, { token: world.ops.key, params: { id: grantId }, body: { audience: CRM } })).json.access_token as string;
    for (const pdp of pdps) {
      await pollUntil(
        async () => (await ask(pdp, "/api/v1/decisions", { token, scope: "crm.customers:read", resource: { type: "tenant", id: "acme" } })).json.allow,
      );
      expect((await ask(pdp, "/api/v1/decisions", { token, scope: "crm.customers:read", resource: { type: "tenant", id: "globex" } })).json).toEqual({
        allow: false,
        reason: "outside_constraints",
      });
      const byAgent = { agentId: world.ops.id, scope: "crm.customers:read" };
      expect((await ask(pdp, "/api/v1/decisions", { ...byAgent, resource: { type: "tenant", id: "acme" } })).json).toMatchObject({ allow: true, grantId });
      expect((await ask(pdp, "/api/v1/decisions", byAgent)).json).toEqual({ allow: false, reason: "outside_constraints" });
      expect((await ask(pdp, "/api/v1/decisions", { ...byAgent, resource: "tenant:acme" })).status).toBe(400);
      expect((await ask(pdp, "/api/v1/introspect", { token })).json).toMatchObject({ active: true, grant_id: grantId, authorization_details: constraints });
    }
    expect((await call(revokeRoute.POST, { token: world.ops.key, params: { id: grantId } })).status).toBe(200);
  });

  it("denies while its listening connection is gone, with /healthz 503, and recovers once it is back", async () => {
    await grantFor(world.other.key, ["crm.customers:read"]);
    const question = { agentId: world.other.id, scope: "crm.customers:read" };
    const pdp = pdps[1]!;
    await pollUntil(async () => (await ask(pdp, "/api/v1/decisions", question)).json.allow === true);
    expect((await health(pdp)).json).toMatchObject({ status: "ok", grants: expect.any(Number) });

    const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    // PostgreSQL will not stop new connections to the database a client is in: work from the maintenance one.
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const allowConnections = (allow: boolean) => admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS ${allow}`);
    try {
      // Refusing new connections keeps the listeners from reconnecting at once, so the stale state lasts long enough to observe.
      await allowConnections(false);
      const terminated = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = $2`, [
        LISTENER_APPLICATION_NAME,
        database,
      ]);
      expect(terminated.rowCount).toBe(pdps.length);
      const staleAfter = await pollUntil(async () => (await health(pdp)).status === 503);
      console.info(`pdp.test.ts: /healthz answered 503 ${staleAfter.toFixed(1)} ms after the listener was terminated`);
      expect((await ask(pdp, "/api/v1/decisions", question)).json).toEqual({ allow: false, reason: "unavailable" });
    } finally {
      await allowConnections(true);
      await admin.end();
    }

    await pollUntil(async () => (await health(pdp)).status === 200, 10_000);
    expect((await ask(pdp, "/api/v1/decisions", question)).json).toMatchObject({ allow: true });
  });

  it("accepts a rotated-out secret during its overlap, refuses every secret of a revoked resource server, and rate-limits failures", async () => {
    const pdp = pdps[0]!;
    const question = { agentId: world.ops.id, scope: "billing.invoices:read" };
    const billingId = (await call(resourceServersRoute.GET, { token: admin })).json.items.find((server: { name: string }) => server.name === "billing").id;
    const old = world.billingSecret;
    const rotated = await call(rotateSecretRoute.POST, { token: admin, params: { id: billingId }, body: { overlapSeconds: 600 } });
    expect(rotated.status).toBe(201);
    await pollUntil(async () => (await ask(pdp, "/api/v1/decisions", question, rotated.json.secret)).status === 200);
    expect((await ask(pdp, "/api/v1/decisions", question, old)).status).toBe(200);

    expect((await call(revokeServerRoute.POST, { token: admin, params: { id: billingId }, body: { reason: "decommissioned" } })).status).toBe(200);
    const refusedAfter = await pollUntil(async () => (await ask(pdp, "/api/v1/decisions", question, rotated.json.secret)).status === 401);
    console.info(`pdp.test.ts: a revoked resource server was refused ${refusedAfter.toFixed(1)} ms after the revocation returned`);
    expect((await ask(pdp, "/api/v1/decisions", question, old)).status).toBe(401);

    // Failed authentications are limited per client address; a valid secret is never locked out.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25; attempt++)
      statuses.push((await ask(pdp, "/api/v1/decisions", question, `batonrs_${"B".repeat(42)}${attempt % 10}`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(20);
    expect((await ask(pdp, "/api/v1/decisions", { agentId: world.ops.id, scope: "crm.customers:read" })).status).toBe(200);
  });
});
