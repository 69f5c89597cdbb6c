import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { signInForCookie } from "@/lib/client/sign-in-for-cookie";
import { ADMIN, ADMIN_TOKEN, MAIN_URL } from "../fixtures";
import { type RoundRobinProxy, startRoundRobinProxy } from "../round-robin-proxy";

// Scale-out: three app instances and two `baton pdp` processes on the main test server's PostgreSQL, the
// apps behind a small round-robin proxy. A change made through any one instance must reach the event
// streams, decisions and PDPs of all of them; killing an instance or a PDP under load must lose nothing.
const databaseUrl = process.env.E2E_MAIN_DATABASE_URL;
const BASE_PORT = Number(process.env.E2E_MAIN_PORT ?? 3210) + 20;
const APP_URLS = [MAIN_URL, `http://localhost:${BASE_PORT}`, `http://localhost:${BASE_PORT + 1}`];
const PDP_URLS = [`http://127.0.0.1:${BASE_PORT + 2}`, `http://127.0.0.1:${BASE_PORT + 3}`];
const suffix = Date.now().toString(36);
const audience = `scale-${suffix}`;
const autoScope = `scale${suffix}.orders:read`;
const reviewedScope = `scale${suffix}.orders:write`;
const ownerEmail = `scale-owner-${suffix}@e2e.baton.dev`;

test.skip(!databaseUrl, "needs PostgreSQL: several instances share one database (run npm test with TEST_DATABASE_URL)");
test.describe.configure({ mode: "serial" });

const children = new Map<string, ChildProcess>();

/** Each instance runs in its own process group (launcher and server, or the PDP): a kill takes all of it down. */
function killGroup(url: string, signal: NodeJS.Signals) {
  try {
    process.kill(-children.get(url)!.pid!, signal);
  } catch {
    // already gone
  }
}
const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" };
let rsSecret = "";
let proxy: RoundRobinProxy;
// Every call in this file is bounded: one that hangs fails on its own, naming what hung, well inside the test's time.
const CALL_TIMEOUT_MS = 10_000;
const bounded = () => AbortSignal.timeout(CALL_TIMEOUT_MS);
// Filed first, for the shortest duration Baton allows: the last test checks that its expiry was marked once.
let expiring = { grantId: "", expiresAt: 0 };

async function waitFor(url: string) {
  for (let i = 0; i < 1200; i++) {
    if (
      await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function json<T>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { signal: bounded(), ...init });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

async function allows(base: string, agentId: string, scope: string): Promise<boolean> {
  const answer = await json<{ allow: boolean }>(`${base}/api/v1/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${rsSecret}`, "content-type": "application/json" },
    body: JSON.stringify({ agentId, scope }),
  });
  expect(answer.status).toBe(200);
  return answer.body.allow;
}

/** Milliseconds until every app instance and PDP answers `wanted`, polling each every few ms; fails after 2 s. */
async function untilEveryone(agentId: string, scope: string, wanted: boolean): Promise<Record<string, number>> {
  const started = performance.now();
  const latencies: Record<string, number> = {};
  await Promise.all(
    [...APP_URLS, ...PDP_URLS].map(async (base) => {
      while ((await allows(base, agentId, scope)) !== wanted) {
        if (performance.now() - started > 2000) throw new Error(`${base} still answers ${!wanted} after 2 s`);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      latencies[base] = Math.round(performance.now() - started);
    }),
  );
  return latencies;
}

async function createAgent(name: string, scopes: string[]) {
  const created = await json<{ id: string }>(`${MAIN_URL}/api/v1/admin/agents`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ name: `${name}-${suffix}`, ownerEmail, eligibleScopes: scopes }),
  });
  expect(created.status).toBe(201);
  const key = await json<{ key: string }>(`${MAIN_URL}/api/v1/admin/agents/${created.body.id}/keys`, { method: "POST", headers: admin, body: "{}" });
  return { id: created.body.id, key: key.body.key };
}

function file(base: string, agentKey: string, scope: string, idempotencyKey?: string) {
  return fetch(`${base}/api/v1/access-requests`, {
    method: "POST",
    signal: bounded(),
    headers: { authorization: `Bearer ${agentKey}`, "content-type": "application/json", ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
    body: JSON.stringify({ scopes: [scope], justification: "Reading orders for the scale-out check", durationSeconds: 600 }),
  });
}

/** An agent's own event stream on one instance; resolves with the actions it saw once `until` arrives. */
function agentStream(base: string, agentKey: string, until: string) {
  const controller = new AbortController();
  const seen: string[] = [];
  // Open for as long as the test needs it, but not forever: a stream that never delivers ends as a failure.
  const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(2 * CALL_TIMEOUT_MS)]);
  const opened = fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${agentKey}`, accept: "text/event-stream" }, signal });
  const done = opened.then(async (response) => {
    expect(response.status).toBe(200);
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    let partial = "";
    while (!seen.includes(until)) {
      const { done, value } = await reader.read();
      if (done) break;
      const lines = (partial + decoder.decode(value, { stream: true })).split("\n");
      partial = lines.pop()!;
      for (const line of lines) if (line.startsWith("event: ")) seen.push(line.slice(7));
    }
    controller.abort();
    return seen;
  });
  return { opened, done, abort: () => controller.abort() };
}

test.beforeAll(async () => {
  // Two more app instances and two PDPs start here: on a loaded 2-core machine that takes a while.
  test.setTimeout(240_000);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl!,
    BATON_PUBLIC_URL: MAIN_URL,
    BATON_DATA_DIR: process.env.E2E_MAIN_DATA_DIR ?? ".baton/e2e-main",
    BATON_USE_EXISTING_BUILD: "1",
  };
  for (const url of APP_URLS.slice(1))
    children.set(url, spawn(process.execPath, ["scripts/start.mjs"], { env: { ...env, PORT: new URL(url).port }, stdio: "ignore", detached: true }));
  for (const url of PDP_URLS)
    children.set(url, spawn(process.execPath, ["bin/baton.mjs", "pdp", "--port", new URL(url).port], { env, stdio: "ignore", detached: true }));
  await Promise.all([...APP_URLS.slice(1).map((url) => waitFor(`${url}/api/health`)), ...PDP_URLS.map((url) => waitFor(`${url}/healthz`))]);
  proxy = await startRoundRobinProxy(APP_URLS);

  const server = await json<{ secret: string }>(`${MAIN_URL}/api/v1/admin/resource-servers`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ name: `orders-${suffix}`, audience }),
  });
  rsSecret = server.body.secret;
  expect(
    (
      await json(`${MAIN_URL}/api/v1/admin/users`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ email: ownerEmail, name: "Scale Owner", role: "VIEWER", password: "scale owner password" }),
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await json(`${MAIN_URL}/api/v1/admin/groups`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ name: `scale-approvers-${suffix}`, memberEmails: [ADMIN.email] }),
      })
    ).status,
  ).toBe(201);
  for (const scope of [
    { key: autoScope, risk: "LOW", maxDurationSeconds: 3600, autoApprove: true, resourceServer: audience },
    { key: reviewedScope, risk: "MEDIUM", maxDurationSeconds: 3600, approverGroup: `scale-approvers-${suffix}`, resourceServer: audience },
  ])
    expect((await json(`${MAIN_URL}/api/v1/admin/scopes`, { method: "POST", headers: admin, body: JSON.stringify(scope) })).status).toBe(201);
  const expiringAgent = await createAgent("expiring-scale-bot", [autoScope]);
  const filed = await json<{ grant: { id: string; expiresAt: string } }>(`${proxy.url}/api/v1/access-requests`, {
    method: "POST",
    headers: { authorization: `Bearer ${expiringAgent.key}`, "content-type": "application/json" },
    body: JSON.stringify({ scopes: [autoScope], justification: "Expires while three instances run their jobs", durationSeconds: 60 }),
  });
  expiring = { grantId: filed.body.grant.id, expiresAt: Date.parse(filed.body.grant.expiresAt) };
});

// Waits for every instance to be gone, so a run that follows (--repeat-each) starts its own on free ports.
test.afterAll(async () => {
  proxy?.close();
  await Promise.all(
    [...children].map(async ([url, child]) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      killGroup(url, "SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 15_000))]);
      if (!stopped) {
        killGroup(url, "SIGKILL");
        await exited;
      }
    }),
  );
  children.clear();
});

test("an approval through one instance reaches every instance's event stream, decisions and both PDPs", async () => {
  const agent = await createAgent("reviewed-scale-bot", [reviewedScope]);
  const streams = APP_URLS.map((base) => agentStream(base, agent.key, "grant.issued"));
  await Promise.all(streams.map((stream) => stream.opened));
  const filed = await json<{ id: string; status: string }>(`${proxy.url}/api/v1/access-requests`, {
    method: "POST",
    headers: { authorization: `Bearer ${agent.key}`, "content-type": "application/json" },
    body: JSON.stringify({ scopes: [reviewedScope], justification: "Writing orders for the scale-out check", durationSeconds: 600 }),
  });
  expect(filed.body.status).toBe("PENDING");

  // The approver decides in a session on the third instance.
  const cookie = await signInForCookie(APP_URLS[2]!, ADMIN);
  const decided = await fetch(`${APP_URLS[2]}/api/ui/requests/${filed.body.id}/decision`, {
    method: "POST",
    signal: bounded(),
    headers: { cookie, origin: APP_URLS[2]!, "content-type": "application/json" },
    body: JSON.stringify({ decision: "approve" }),
  });
  expect(decided.status).toBe(200);
  for (const seen of await Promise.all(streams.map((stream) => stream.done)))
    expect(seen).toEqual(expect.arrayContaining(["request.approved", "grant.issued"]));
  console.log(`approval → allow (ms after the approval returned): ${JSON.stringify(await untilEveryone(agent.id, reviewedScope, true))}`);
});

test("a revocation through one instance is denied by every instance and both PDPs at once", async () => {
  const agent = await createAgent("scale-bot", [autoScope]);
  const grantId = ((await (await file(proxy.url, agent.key, autoScope)).json()) as { grant: { id: string } }).grant.id;
  await untilEveryone(agent.id, autoScope, true);
  const revoked = await fetch(`${APP_URLS[1]}/api/v1/grants/${grantId}/revoke`, {
    method: "POST",
    signal: bounded(),
    headers: admin,
    body: JSON.stringify({ reason: "scale-out check" }),
  });
  expect(revoked.status).toBe(200);
  console.log(`revocation → deny (ms after the revoke returned): ${JSON.stringify(await untilEveryone(agent.id, autoScope, false))}`);
});

test("disabling an agent through one instance is denied everywhere at once", async () => {
  const agent = await createAgent("doomed-scale-bot", [autoScope]);
  expect((await file(proxy.url, agent.key, autoScope)).status).toBe(201);
  await untilEveryone(agent.id, autoScope, true);
  expect(
    (await fetch(`${APP_URLS[2]}/api/v1/admin/agents/${agent.id}/disable`, { method: "POST", signal: bounded(), headers: admin, body: "{}" })).status,
  ).toBe(200);
  console.log(`disable → deny (ms after the disable returned): ${JSON.stringify(await untilEveryone(agent.id, autoScope, false))}`);
});

test("a policy change approved by a second admin changes decisions on every instance and both PDPs", async () => {
  const agent = await createAgent("policy-bot", [autoScope]);
  expect((await file(proxy.url, agent.key, autoScope)).status).toBe(201);
  await untilEveryone(agent.id, autoScope, true);
  type Policy = { id: string; text: string };
  const active = await json<{ policies: Policy[] }>(`${MAIN_URL}/api/v1/admin/policies`, { headers: admin });
  expect(active.status).toBe(200);
  // A second admin, signed in to another instance: the proposer may not approve their own change.
  const second = { email: `second-admin-${suffix}@e2e.baton.dev`, password: "second admin password 1" };
  expect(
    (await json(`${MAIN_URL}/api/v1/admin/users`, { method: "POST", headers: admin, body: JSON.stringify({ ...second, name: "Second Admin", role: "ADMIN" }) }))
      .status,
  ).toBe(201);
  const cookie = await signInForCookie(APP_URLS[1]!, second);
  const change = async (policies: Policy[], note: string) => {
    const proposed = await json<{ id: string }>(`${APP_URLS[2]}/api/v1/admin/policy-proposals`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ policies, note }),
    });
    expect(proposed.status).toBe(201);
    const approved = await fetch(`${APP_URLS[1]}/api/v1/admin/policy-proposals/${proposed.body.id}/approve`, {
      method: "POST",
      signal: bounded(),
      headers: { cookie, origin: APP_URLS[1]!, "content-type": "application/json" },
      body: "{}",
    });
    expect(approved.status).toBe(200);
  };
  const forbid = {
    id: `scale-${suffix}-frozen`,
    text: `@reason("Frozen for the scale-out check")\nforbid (principal, action == Baton::Action::"call", resource == Baton::Scope::"${autoScope}");`,
  };
  await change([...active.body.policies, forbid], "Freeze the scale-out scope");
  console.log(`policy approval → deny (ms after the approval returned): ${JSON.stringify(await untilEveryone(agent.id, autoScope, false))}`);
  await change(active.body.policies, "Unfreeze the scale-out scope");
  console.log(`policy approval → allow again: ${JSON.stringify(await untilEveryone(agent.id, autoScope, true))}`);
});

test("killing an app instance and a PDP mid-load loses nothing: every acknowledged filing is stored once", async () => {
  const agents = await Promise.all(Array.from({ length: 4 }, (_, index) => createAgent(`load-bot-${index}`, [autoScope])));
  const FILINGS_PER_AGENT = 15;
  const acknowledged = new Map<string, string>(); // idempotency key → request id
  let retries = 0;
  let decisionsAnswered = 0;
  let loadRunning = true;

  // Decisions against the two PDPs, failing over as a sidecar client would, while the filings run.
  const decisionLoad = (async () => {
    let target = 0;
    while (loadRunning) {
      const agent = agents[decisionsAnswered % agents.length]!;
      try {
        await allows(PDP_URLS[target % PDP_URLS.length]!, agent.id, autoScope);
        decisionsAnswered++;
      } catch {
        target++;
      }
    }
  })();

  const filings = agents.map(async (agent, agentIndex) => {
    for (let filing = 0; filing < FILINGS_PER_AGENT; filing++) {
      const idempotencyKey = `${agent.id}-${filing}`;
      for (let attempt = 0; ; attempt++) {
        // Acknowledged means a whole answer: one cut short by the kill is retried like a refused one (same idempotency key).
        const response = await file(proxy.url, agent.key, autoScope, idempotencyKey).catch(() => null);
        const filed = response && (response.status === 201 || response.status === 200) ? await response.json().catch(() => null) : null;
        if (filed) {
          acknowledged.set(idempotencyKey, (filed as { id: string }).id);
          break;
        }
        retries++;
        if (attempt > 20) throw new Error(`filing ${idempotencyKey} never succeeded`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (agentIndex === 0 && filing === 4) {
        killGroup(APP_URLS[2]!, "SIGKILL");
        killGroup(PDP_URLS[0]!, "SIGKILL");
      }
    }
  });
  await Promise.all(filings);
  loadRunning = false;
  await decisionLoad;

  expect(acknowledged.size).toBe(agents.length * FILINGS_PER_AGENT);
  for (const agent of agents) {
    const listed = await json<{ items: { id: string }[] }>(`${MAIN_URL}/api/v1/access-requests?limit=100`, {
      headers: { authorization: `Bearer ${agent.key}` },
    });
    const stored = listed.body.items.map((item) => item.id).sort();
    const mine = [...acknowledged]
      .filter(([key]) => key.startsWith(`${agent.id}-`))
      .map(([, id]) => id)
      .sort();
    // Exactly the acknowledged requests: none missing, none filed twice by a retry.
    expect(stored).toEqual(mine);
  }
  expect(decisionsAnswered).toBeGreaterThan(0);
  console.log(
    `${acknowledged.size} filings acknowledged through the proxy with ${retries} client retries; ${decisionsAnswered} PDP decisions answered while one app instance and one PDP were killed`,
  );
});

test("the expiry job runs once across the instances: one grant.expired event, dated at the true expiry", async () => {
  test.setTimeout(120_000);
  const cookie = await signInForCookie(MAIN_URL, ADMIN);
  type AuditPage = { items: { action: string; at: string }[] };
  const expiredEvents = async () =>
    (await json<AuditPage>(`${MAIN_URL}/api/ui/audit?subject=${expiring.grantId}&action=grant.expired`, { headers: { cookie } })).body.items;
  await expect
    .poll(async () => (await expiredEvents()).length, { timeout: Math.max(0, expiring.expiresAt - Date.now()) + 40_000, intervals: [1000] })
    .toBeGreaterThan(0);
  // Give any instance that would mark it a second time the chance to do so.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const events = await expiredEvents();
  expect(events).toHaveLength(1);
  expect(Date.parse(events[0]!.at)).toBe(expiring.expiresAt);
});
