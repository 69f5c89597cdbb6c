// npm run test:faults — fault injection against real processes: Baton servers killed with SIGKILL under
// load, and a private PostgreSQL (never the shared one) restarted and stopped under them. Prints one
// PASS/FAIL line per check and the figures measured; exits 1 if any check failed.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { adminCall, allowed, askDecision, decideInBrowser, fileRequest, send, signIn, type Answer } from "./baton-http";
import { findViolations, type Acknowledged } from "./invariants";
import { createPrivatePostgres, findPostgresBinaries, type PrivatePostgres } from "./private-postgres";
import { answers, batonServer, freePort, pdpServer, waitUntil, type ManagedProcess } from "./processes";

const PORT_BASE = Number(process.env.FAULTS_PORT_BASE ?? 3710);
const APPROVALS = Number(process.env.FAULTS_APPROVALS ?? 100);
const MIN_KILLS = Number(process.env.FAULTS_KILLS ?? 6);
const PDP_MAX_STALENESS_MS = 2000;
/** Fail-closed bound: how soon after the database goes away every decision must deny. */
const DENY_WITHIN_MS = PDP_MAX_STALENESS_MS + 3000;
const EXPIRING_GRANT_SECONDS = 60; // the shortest duration a request may ask for
const ADMIN = { email: "admin@faults.baton.dev", password: "faults-admin-password", token: "faults-admin-token-0123456789abcdefghijklmnop" };
const APPROVER_PASSWORD = "faults-approver-password";
const AUDIENCE = "faults-orders";
const SCOPE_NEEDS_APPROVAL = "faults.deploy:write";
const SCOPE_AUTO = "faults.orders:read";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.random() * (high - low);
const ms = (value: number) => `${Math.round(value)} ms`;
const summary = (values: number[]) => (values.length ? `avg ${ms(values.reduce((a, b) => a + b, 0) / values.length)}, max ${ms(Math.max(...values))}` : "none");

let failed = 0;
function verdict(ok: boolean, name: string, detail = "") {
  if (!ok) failed++;
  console.log(`${ok ? "PASS" : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`);
}
const figure = (name: string, value: string | number) => console.log(`      ${name}: ${value}`);

interface World {
  baton: ManagedProcess;
  pdp: ManagedProcess;
  postgres: PrivatePostgres;
  dataDir: string;
  /** The agents that file under load. */
  agents: { id: string; key: string }[];
  /** Agents the load never touches, whose grants the decision checks watch. */
  watchedAgents: { id: string; key: string }[];
  approverSessions: string[];
  resourceServerSecret: string;
  acknowledged: Acknowledged;
}

async function setUp(world: World) {
  const { url } = world.baton;
  const admin = <T>(route: string, body?: unknown) => adminCall<T>(url, ADMIN.token, route, body);
  const { secret } = await admin<{ secret: string }>("/api/v1/admin/resource-servers", { name: "faults-orders", audience: AUDIENCE });
  world.resourceServerSecret = secret;
  const approvers = ["ann", "ben", "cat"].map((name) => `${name}@faults.baton.dev`);
  for (const email of approvers) await admin("/api/v1/admin/users", { email, name: email.split("@")[0], role: "APPROVER", password: APPROVER_PASSWORD });
  await admin("/api/v1/admin/groups", { name: "faults-approvers", memberEmails: approvers });
  await admin("/api/v1/admin/scopes", {
    key: SCOPE_NEEDS_APPROVAL,
    risk: "MEDIUM",
    maxDurationSeconds: 3600,
    approvalsRequired: 1,
    approverGroup: "faults-approvers",
  });
  await admin("/api/v1/admin/scopes", { key: SCOPE_AUTO, risk: "LOW", maxDurationSeconds: 7200, autoApprove: true, resourceServer: AUDIENCE });
  for (const [list, name] of [
    ...Array.from({ length: 6 }, (_, i) => [world.agents, `faults-bot-${i}`] as const),
    [world.watchedAgents, "faults-watched-0"] as const,
    [world.watchedAgents, "faults-watched-1"] as const,
  ]) {
    const agent = await admin<{ id: string }>("/api/v1/admin/agents", { name, ownerEmail: ADMIN.email, eligibleScopes: [SCOPE_NEEDS_APPROVAL, SCOPE_AUTO] });
    const { key } = await admin<{ key: string }>(`/api/v1/admin/agents/${agent.id}/keys`, {});
    list.push({ id: agent.id, key });
  }
  for (const email of approvers) world.approverSessions.push(await signIn(url, email, APPROVER_PASSWORD));
}

/** Agents filing and approvers approving as fast as they can, retrying with the same idempotency key (or request) until they get an answer. */
function startLoad(world: World) {
  const { url } = world.baton;
  const stats = {
    filings: 0,
    approvals: 0,
    decisions: 0,
    retries: 0,
    alreadyDecided: 0,
    statuses: new Map<number, number>(),
    unexpected: [] as string[],
    lastSuccessAt: 0,
  };
  const queue: string[] = [];
  let running = true;
  const count = (answer: Answer) => {
    stats.statuses.set(answer.status, (stats.statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 200 && answer.status < 300) stats.lastSuccessAt = performance.now();
  };
  /** Retries while nothing (or a 5xx) answers: the call may or may not have committed, which is what the checks afterwards examine. */
  async function untilAnswered(attempt: () => Promise<Answer>): Promise<Answer | null> {
    const deadline = performance.now() + 90_000;
    for (;;) {
      const answer = await attempt();
      count(answer);
      if (answer.status !== 0 && answer.status < 500) return answer;
      if (performance.now() > deadline) return null;
      stats.retries++;
      await sleep(between(50, 250));
    }
  }

  async function filer(agentIndex: number) {
    const agent = world.agents[agentIndex % world.agents.length]!;
    while (running) {
      if (queue.length > 20) {
        await sleep(50);
        continue;
      }
      const idempotencyKey = randomUUID();
      const scope = Math.random() < 0.75 ? SCOPE_NEEDS_APPROVAL : SCOPE_AUTO;
      const body = { scopes: [scope], justification: "Fault suite: filing under load", durationSeconds: 600 };
      const answer = await untilAnswered(() => fileRequest(url, agent.key, body, idempotencyKey));
      if (!answer) continue;
      if (answer.status !== 200 && answer.status !== 201) {
        stats.unexpected.push(`filing: ${answer.status} ${JSON.stringify(answer.json)}`);
        continue;
      }
      const filed = answer.json as { id: string; status: string; grant: { id: string } | null };
      stats.filings++;
      world.acknowledged.filings.push({ requestId: filed.id, agentId: agent.id, idempotencyKey });
      if (filed.status === "PENDING") queue.push(filed.id);
    }
  }

  async function approver(session: string) {
    while (running) {
      const requestId = queue.shift();
      if (!requestId) {
        await sleep(20);
        continue;
      }
      const answer = await untilAnswered(() => decideInBrowser(url, session, requestId, { decision: "approve", comment: "" }));
      if (!answer) continue;
      if (answer.status === 409) {
        // An earlier attempt committed but its answer was lost: the checks afterwards want it approved, with its grant.
        stats.alreadyDecided++;
        world.acknowledged.approvedBeforeRetry.push(requestId);
      } else if (answer.status === 200 && (answer.json as { outcome: string }).outcome === "approved") {
        stats.approvals++;
        world.acknowledged.approvals.push({ requestId, grantId: (answer.json as { grantId: string }).grantId });
      } else stats.unexpected.push(`approval: ${answer.status} ${JSON.stringify(answer.json)}`);
    }
  }

  async function decider() {
    while (running) {
      const agent = world.agents[Math.floor(Math.random() * world.agents.length)]!;
      const answer = await askDecision(url, world.resourceServerSecret, { agentId: agent.id, scope: SCOPE_AUTO });
      count(answer);
      if (answer.status === 200) stats.decisions++;
      else await sleep(100);
    }
  }

  const workers = [...[0, 1, 2, 3].map(filer), ...world.approverSessions.map(approver), decider(), decider()];
  return {
    stats,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

const statusLine = (statuses: Map<number, number>) =>
  [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status === 0 ? "no answer" : status}×${n}`)
    .join(", ");

async function verifyAuditChain(world: World): Promise<string> {
  const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/audit-verify.ts"], {
    env: { ...process.env, DATABASE_URL: world.postgres.url, BATON_DATA_DIR: world.dataDir },
    encoding: "utf8",
  });
  return `${run.stdout}${run.stderr}`.trim() + (run.status === 0 ? "" : ` (exit ${run.status})`);
}

async function checkInvariants(world: World, when: string) {
  const { violations, counts } = await findViolations(world.postgres.url, world.acknowledged);
  verdict(
    violations.length === 0,
    `${when}: every grant has its audit event, no acknowledged request or approval is missing, no duplicates`,
    violations.length ? JSON.stringify(violations) : `${counts.requests} requests, ${counts.grants} grants, ${counts.events} audit events`,
  );
  const chain = await verifyAuditChain(world);
  verdict(/^OK \d+ events/.test(chain), `${when}: the audit chain verifies (npm run audit:verify)`, chain);
}

/**
 * Kill -9 at random moments while agents file and approvers approve; restart each time. Each round lets
 * a random share of the approvals through first, so the kills are spread over all of them and every one
 * lands among requests in flight. One kill is timed to span the expiry of a short grant.
 */
async function killDuringApprovals(world: World) {
  console.log(`\n— kill -9 of the server during ${APPROVALS} approvals and filings under load`);
  const expiring = await autoGrant(world, world.watchedAgents[1]!, EXPIRING_GRANT_SECONDS);
  const expiringToken = await grantToken(world, expiring);
  const expiryIsNear = () => expiring.expiresAt - Date.now() < 4000;
  let expiryChecked = false;
  const load = startLoad(world);
  const recoveries: number[] = [];
  const started = performance.now();
  const inTime = () => performance.now() - started < 180_000;
  let kills = 0;
  while ((load.stats.approvals < APPROVALS || kills < MIN_KILLS || !expiryChecked) && inTime()) {
    if (!expiryChecked && expiryIsNear()) {
      await expiresWhileDown(world, expiring, expiringToken);
      expiryChecked = true;
      kills++;
      continue;
    }
    const target = load.stats.approvals + Math.ceil(between(0.3, 1.5) * (APPROVALS / MIN_KILLS));
    while (load.stats.approvals < target && inTime() && (expiryChecked || !expiryIsNear())) await sleep(10);
    if (!expiryChecked && expiryIsNear()) continue;
    await sleep(between(0, 150));
    await world.baton.kill9();
    kills++;
    const killedAt = performance.now();
    await world.baton.start();
    recoveries.push(performance.now() - killedAt);
  }
  await load.stop();
  const { stats } = load;
  figure(
    "operations",
    `${stats.filings} filings and ${stats.approvals} approvals acknowledged, ${stats.decisions} decisions answered, ${stats.retries} retries after no answer, ${stats.alreadyDecided} approvals found already decided on retry`,
  );
  figure("answers", statusLine(stats.statuses));
  figure(
    "kills",
    `${kills} (SIGKILL to the whole process group), ${kills} recoveries; kill → healthy ${summary(recoveries)} (not counting the kill across the expiry)`,
  );
  figure("duration", ms(performance.now() - started));
  verdict(
    stats.approvals >= APPROVALS && kills >= MIN_KILLS,
    `${APPROVALS} approvals acknowledged across ${MIN_KILLS}+ kills`,
    `${stats.approvals} approvals, ${kills} kills`,
  );
  verdict(stats.unexpected.length === 0, "every answer under load was an expected one", stats.unexpected.slice(0, 3).join(" | "));
  verdict(expiryChecked, "one kill spanned a grant's expiry");
  await checkInvariants(world, "after the kills");
}

/** Stop PostgreSQL for a few seconds under load and start it again: Baton recovers without a restart. */
async function restartDatabaseUnderLoad(world: World) {
  console.log("\n— PostgreSQL restart during load");
  const health: { at: number; answeredAt: number; status: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const at = performance.now();
      const answer = await send(`${world.baton.url}/api/health`, { timeoutMs: 3000 });
      health.push({ at, answeredAt: performance.now(), status: answer.status });
      await sleep(100);
    }
  })();
  const load = startLoad(world);
  await sleep(1500);
  const stoppedAt = performance.now();
  await world.postgres.stop();
  const downAt = performance.now();
  await sleep(3000);
  const outageStatuses = new Map(load.stats.statuses);
  const startingAt = performance.now();
  await world.postgres.start();
  const upAt = performance.now();
  const healthy = await waitUntil(() => answers(`${world.baton.url}/api/health`), 60_000, "health after the restart").catch(() => NaN);
  const served = await waitUntil(async () => load.stats.lastSuccessAt > upAt + 1, 60_000, "a request served after the restart").catch(() => NaN);
  const filingsBefore = load.stats.filings;
  await sleep(2000);
  const filingsAfterRecovery = load.stats.filings - filingsBefore;
  await load.stop();
  sampling = false;
  await sampler;

  const whileDown = health.filter((sample) => sample.at > downAt && sample.answeredAt < startingAt);
  figure("stop took", ms(downAt - stoppedAt));
  figure("health while PostgreSQL was down", statusLine(whileDown.reduce((m, s) => m.set(s.status, (m.get(s.status) ?? 0) + 1), new Map<number, number>())));
  figure("answers to the load from start to the restart", statusLine(outageStatuses));
  figure("time to recover after PostgreSQL was back", `health 200 after ${ms(healthy)}, first request served after ${ms(served)}`);
  figure(
    "operations",
    `${load.stats.filings} filings, ${load.stats.approvals} approvals acknowledged; ${filingsAfterRecovery} filings in the 2 s after recovery`,
  );
  verdict(whileDown.length > 0 && whileDown.every((sample) => sample.status === 503), "health said 503 while PostgreSQL was down");
  verdict(Number.isFinite(healthy) && health.at(-1)?.status === 200, "health said 200 again without restarting Baton");
  verdict(
    world.baton.running() && Number.isFinite(served) && filingsAfterRecovery > 0,
    "requests succeed again on the same Baton process",
    `${filingsAfterRecovery} filings acknowledged in the 2 s after recovery`,
  );
  verdict(
    !outageStatuses.has(500),
    "no 500 while the database was down (503 or no answer instead)",
    [statusLine(outageStatuses), ...world.baton.unhandledErrors().slice(0, 2)].join(" | "),
  );
  verdict(load.stats.unexpected.length === 0, "every answer under load was an expected one", load.stats.unexpected.slice(0, 3).join(" | "));
  await checkInvariants(world, "after the database restart");
}

interface ActiveGrant {
  id: string;
  agent: { id: string; key: string };
  expiresAt: number;
}

async function autoGrant(world: World, agent: { id: string; key: string }, durationSeconds: number): Promise<ActiveGrant> {
  const answer = await fileRequest(
    world.baton.url,
    agent.key,
    { scopes: [SCOPE_AUTO], justification: "Fault suite: a grant to check decisions", durationSeconds },
    randomUUID(),
  );
  const grant = (answer.json as { grant: { id: string; expiresAt: string } | null }).grant;
  if (!grant) throw new Error(`no auto-approved grant: ${answer.status} ${JSON.stringify(answer.json)}`);
  return { id: grant.id, agent, expiresAt: Date.parse(grant.expiresAt) };
}

async function grantToken(world: World, grant: ActiveGrant): Promise<string> {
  const answer = await send(`${world.baton.url}/api/v1/grants/${grant.id}/token`, {
    method: "POST",
    headers: { authorization: `Bearer ${grant.agent.key}`, "content-type": "application/json" },
    body: JSON.stringify({ audience: AUDIENCE }),
  });
  return (answer.json as { access_token: string }).access_token;
}

/** Both ways a resource server asks, at one decision point. */
async function decisionsAt(world: World, url: string, grant: ActiveGrant, token: string): Promise<Answer[]> {
  return Promise.all([
    askDecision(url, world.resourceServerSecret, { agentId: grant.agent.id, scope: SCOPE_AUTO }),
    askDecision(url, world.resourceServerSecret, { token, scope: SCOPE_AUTO }),
  ]);
}

/** Until every answer denies (allow false, an error, or no answer); milliseconds taken, or NaN. */
async function untilDenied(ask: () => Promise<Answer[]>): Promise<number> {
  return waitUntil(async () => (await ask()).every((answer) => !allowed(answer)), DENY_WITHIN_MS, "deny").catch(() => NaN);
}

/** With the database stopped, the app and the PDP deny (fail closed) and say they are unhealthy. */
async function databaseStopped(world: World) {
  console.log("\n— database stopped: decisions fail closed");
  const grant = await autoGrant(world, world.watchedAgents[0]!, 3600);
  const token = await grantToken(world, grant);
  await waitUntil(async () => (await decisionsAt(world, world.pdp.url, grant, token)).every(allowed), 10_000, "the PDP to allow the new grant");
  const beforeApp = await decisionsAt(world, world.baton.url, grant, token);
  verdict(beforeApp.every(allowed), "before the stop, the app and the PDP allow an active grant");

  await world.postgres.stop();
  const appDenied = await untilDenied(() => decisionsAt(world, world.baton.url, grant, token));
  const pdpDenied = await untilDenied(() => decisionsAt(world, world.pdp.url, grant, token));
  const pdpStale = await waitUntil(
    async () => {
      const answer = await send(`${world.pdp.url}/healthz`);
      return answer.status === 503 && (answer.json as { status: string }).status === "stale";
    },
    DENY_WITHIN_MS,
    "PDP stale",
  ).catch(() => NaN);
  const samples: Answer[] = [];
  for (let i = 0; i < 10; i++)
    samples.push(...(await decisionsAt(world, world.baton.url, grant, token)), ...(await decisionsAt(world, world.pdp.url, grant, token)));
  const health = await send(`${world.baton.url}/api/health`);
  const pdpHealth = await send(`${world.pdp.url}/healthz`);
  figure("after the stop returned", `app denied after ${ms(appDenied)}, PDP denied after ${ms(pdpDenied)}, PDP /healthz stale after ${ms(pdpStale)}`);
  figure("decision answers while down", statusLine(samples.reduce((m, s) => m.set(s.status, (m.get(s.status) ?? 0) + 1), new Map<number, number>())));
  figure(
    "denial reasons while down",
    [...new Set(samples.map((s) => (s.json as { reason?: string })?.reason ?? (s.json as { title?: string })?.title ?? "no answer"))].join(", "),
  );
  verdict(Number.isFinite(appDenied) && Number.isFinite(pdpDenied), `the app and the PDP deny within ${DENY_WITHIN_MS / 1000} s of the database stopping`);
  verdict(
    samples.every((answer) => !allowed(answer)),
    "every later decision denies (fail closed)",
    `${samples.length} decisions`,
  );
  verdict(health.status === 503, "/api/health says 503", JSON.stringify(health.json));
  verdict(
    pdpHealth.status === 503 && (pdpHealth.json as { status: string }).status === "stale",
    "baton pdp's /healthz reports staleness (503)",
    JSON.stringify(pdpHealth.json),
  );

  const startedAt = performance.now();
  await world.postgres.start();
  const appBack = await waitUntil(async () => (await decisionsAt(world, world.baton.url, grant, token)).every(allowed), 60_000, "app allows again").catch(
    () => NaN,
  );
  const pdpBack = await waitUntil(async () => (await decisionsAt(world, world.pdp.url, grant, token)).every(allowed), 60_000, "PDP allows again").catch(
    () => NaN,
  );
  figure(
    "time to recover after PostgreSQL was back",
    `app allows again after ${ms(appBack)}, PDP after ${ms(pdpBack)} (from pg_ctl start: ${ms(performance.now() - startedAt)})`,
  );
  verdict(Number.isFinite(appBack) && Number.isFinite(pdpBack), "both allow the grant again once the database is back, without a restart");
}

/** A grant that expires while Baton (and the PDP) are down is denied on the very first check after the restart. */
async function expiresWhileDown(world: World, grant: ActiveGrant, token: string) {
  const remaining = grant.expiresAt - Date.now();
  const before = [...(await decisionsAt(world, world.baton.url, grant, token)), ...(await decisionsAt(world, world.pdp.url, grant, token))];
  await Promise.all([world.baton.kill9(), world.pdp.kill9()]);
  await sleep(Math.max(0, grant.expiresAt - Date.now()) + 500);
  await world.baton.start();
  await world.pdp.start();
  const appFirst = await decisionsAt(world, world.baton.url, grant, token);
  const pdpFirst = await decisionsAt(world, world.pdp.url, grant, token);
  const listed = await send(`${world.baton.url}/api/v1/grants?status=active`, { headers: { authorization: `Bearer ${grant.agent.key}` } });
  const stillListed = (listed.json as { items?: { id: string }[] }).items?.some((item) => item.id === grant.id) ?? true;
  figure(
    "expiry across a kill",
    `killed ${ms(remaining)} before the grant's expiry (app and PDP); first answers after the restart: ${[...appFirst, ...pdpFirst].map((answer) => (answer.json as { reason?: string }).reason ?? answer.status).join(", ")}`,
  );
  verdict(before.every(allowed), "the short grant is allowed by the app and the PDP just before the kill");
  verdict(
    appFirst.every((answer) => answer.status === 200 && !allowed(answer)),
    "the app's first decisions after the restart deny the grant that expired while it was down",
  );
  verdict(
    pdpFirst.every((answer) => answer.status === 200 && !allowed(answer)),
    "a restarted baton pdp's first decisions deny it too",
  );
  verdict(listed.status === 200 && !stillListed, "the agent's active grants no longer list it");
}

async function main() {
  const binaries = findPostgresBinaries();
  if (!binaries) {
    console.log("SKIP  test:faults needs PostgreSQL's server binaries (/usr/lib/postgresql/<version>/bin: apt-get install postgresql); none found.");
    return 0;
  }
  const began = performance.now();
  const build = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/ensure-build.ts"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed");

  const taken = new Set<number>();
  const postgres = createPrivatePostgres({ binaries, port: await freePort(PORT_BASE, taken) });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-faults-"));
  const batonPort = await freePort(PORT_BASE + 1, taken);
  const baton = batonServer({
    port: batonPort,
    databaseUrl: postgres.url,
    dataDir,
    env: {
      BATON_ADMIN_EMAIL: ADMIN.email,
      BATON_ADMIN_PASSWORD: ADMIN.password,
      BATON_ADMIN_TOKEN: ADMIN.token,
      AUTH_SECRET: randomUUID() + randomUUID(),
      BATON_SECRET_KEY: randomUUID() + randomUUID(),
      BATON_FILING_RATE_PER_MINUTE: "100000",
    },
  });
  const pdp = pdpServer({
    port: await freePort(PORT_BASE + 2, taken),
    databaseUrl: postgres.url,
    issuer: baton.url,
    logDir: dataDir,
    maxStaleness: `${PDP_MAX_STALENESS_MS}ms`,
  });
  const world: World = {
    baton,
    pdp,
    postgres,
    dataDir,
    agents: [],
    watchedAgents: [],
    approverSessions: [],
    resourceServerSecret: "",
    acknowledged: { filings: [], approvals: [], approvedBeforeRetry: [] },
  };
  const cleanUp = async () => {
    await Promise.all([baton.kill9(), pdp.kill9()]);
    postgres.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

  try {
    await postgres.start();
    console.log(`Private PostgreSQL (${binaries}) on port ${postgres.port}; Baton on ${baton.url}; PDP on ${pdp.url}`);
    await baton.start();
    await pdp.start();
    await setUp(world);

    await killDuringApprovals(world);
    await restartDatabaseUnderLoad(world);
    await databaseStopped(world);
    await checkInvariants(world, "at the end");
  } catch (error) {
    verdict(false, "the suite ran to the end", (error as Error).stack ?? String(error));
    console.log(`Baton log tail:\n${baton.logTail()}\nPDP log tail:\n${pdp.logTail()}`);
  } finally {
    await cleanUp();
  }
  console.log(`\n${failed ? `FAIL  ${failed} check(s) failed` : "PASS  all fault checks"} (${Math.round((performance.now() - began) / 1000)} s)`);
  return failed ? 1 : 0;
}

// Load workers of a phase that threw may still be looping: exit rather than wait for them.
process.exit(await main());
