// npm run bench: throughput and latency of the standalone decision point against two baselines, the app's
// decision endpoint against a trivial route handler of the same build, and how
// fast a revocation reaches it. Loopback only; about a minute in all. Needs PostgreSQL (BENCH_DATABASE_URL).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import pg from "pg";
import { ensureBuild } from "@/lib/build-fingerprint";
import { CHANGE_CHANNEL } from "@/lib/events/change";
import { BENCH_ISSUER, seedBenchDatabase, type BenchDatabase, type BenchGrant } from "./seed-bench-database";
import type { ServerKind } from "./server-kinds";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DURATION_SECONDS = 5;
const CONNECTIONS = 50;
const DISTINCT_TOKENS = 1000;
const REVOCATIONS = 50;
const REVOCATION_TIMEOUT_MS = 2000;
const here = import.meta.dirname;

interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: string;
  /** Against the goal's reference (throughput), or value ÷ bound (latency: at most 1 meets it). */
  ratio: number | null;
}

function startServer(kind: ServerKind, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "serve.ts"), kind, databaseUrl], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${kind} exited with ${code} before serving`)));
    createInterface({ input: child.stdout! }).once("line", (line) => resolve({ url: (JSON.parse(line) as { url: string }).url, child }));
  });
}

/** The Baton app itself (production build, `npm start`'s server) on the bench database. */
async function startApp(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  if (ensureBuild() !== 0) throw new Error("next build failed");
  const port = Number(process.env.BENCH_APP_PORT ?? 3590);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), BATON_PUBLIC_URL: BENCH_ISSUER, BATON_USE_EXISTING_BUILD: "1", BATON_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-")) },
    stdio: "ignore",
  });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error("the app did not come up");
}

async function load(url: string, secret: string, bodies: string[], route = "/api/v1/decisions") {
  let next = 0;
  const result = await autocannon({
    url: `${url}${route}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [{ method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  return result;
}

/**
 * Open-loop load at a steady `rate`, each latency timed from when its request was due (so a stall counts
 * against every request it delays). autocannon's own rate limit sends each second's quota as one burst,
 * which measures queueing behind the burst rather than latency at that load.
 */
async function pacedLatencies(url: string, secret: string, bodies: string[], rate: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
  const total = rate * DURATION_SECONDS;
  const latencies: number[] = [];
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve, reject) => {
    const ticker = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      for (; sent < due; sent++) {
        const dueAt = started + (sent / rate) * 1000;
        const request = http.request(`${url}/api/v1/decisions`, { method: "POST", agent, headers }, (response) => {
          response.resume();
          response.on("end", () => latencies.push(performance.now() - dueAt) === total && resolve());
        });
        request.on("error", reject);
        request.end(bodies[sent % bodies.length]);
      }
      if (sent === total) clearInterval(ticker);
    }, 1);
  });
  agent.destroy();
  return latencies;
}

async function decide(url: string, secret: string, body: string): Promise<boolean> {
  const response = await fetch(`${url}/api/v1/decisions`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body });
  return ((await response.json()) as { allow: boolean }).allow;
}

/** As Baton revokes: the row and its announcement in one transaction. Timed from the moment COMMIT is sent until the decision point first denies. */
async function measureRevocations(db: BenchDatabase, pdpUrl: string, grants: BenchGrant[]): Promise<{ latencies: number[]; commits: number[] }> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const latencies: number[] = [];
  // How long COMMIT itself took: the part of each latency that is the database's, not the decision point's.
  const commits: number[] = [];
  try {
    for (const [sequence, grant] of grants.entries()) {
      const body = JSON.stringify({ token: await db.signToken(grant), scope: grant.scope });
      if (!(await decide(pdpUrl, db.secret, body))) throw new Error(`grant ${grant.id} is not allowed before its revocation`);
      await client.query("BEGIN");
      await client.query(`UPDATE "Grant" SET status = 'REVOKED', "revokedAt" = now() AT TIME ZONE 'UTC', "revokedByKind" = 'SYSTEM', "updatedAt" = now() WHERE id = $1`, [grant.id]);
      const change = { seq: String(sequence + 1), action: "grant.revoked", subjectKind: "grant", subjectId: grant.id, agentId: grant.agentId };
      await client.query(`SELECT pg_notify($1, $2)`, [CHANGE_CHANNEL, JSON.stringify(change)]);
      const started = performance.now();
      await client.query("COMMIT");
      commits.push(performance.now() - started);
      while (await decide(pdpUrl, db.secret, body)) {
        if (performance.now() - started > REVOCATION_TIMEOUT_MS) throw new Error(`grant ${grant.id} still allowed ${REVOCATION_TIMEOUT_MS} ms after its revocation`);
      }
      latencies.push(performance.now() - started);
    }
  } finally {
    await client.end();
  }
  return { latencies, commits };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function print(figure: Figure) {
  console.log([figure.name, figure.value, figure.unit, figure.goal, figure.ratio ?? "-"].join(" "));
}

async function main() {
  console.log(`Seeding a fresh database on ${new URL(BASE_URL).host}…`);
  const db = await seedBenchDatabase(BASE_URL);
  const children: ChildProcess[] = [];
  try {
    const loaded = db.grants.slice(0, DISTINCT_TOKENS);
    const bodies = await Promise.all(loaded.map(async (grant) => JSON.stringify({ token: await db.signToken(grant), scope: grant.scope })));
    const servers = {} as Record<ServerKind, string>;
    for (const kind of ["bare-node", "pdp-warm-cache", "pdp-cache-off", "fastify-jose-casbin"] as const) {
      const { url, child } = await startServer(kind, db.url);
      children.push(child);
      servers[kind] = url;
    }
    console.log(`${db.grants.length} grants, ${DISTINCT_TOKENS} distinct tokens; ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run on ${os.cpus().length} CPUs (load generator and servers share them).`);
    console.log("name value unit goal ratio");

    const throughput = {} as Record<ServerKind, number>;
    for (const kind of Object.keys(servers) as ServerKind[]) {
      // A first pass warms the token cache, the JIT and the connection pools alike for every contestant.
      await load(servers[kind], db.secret, bodies.slice(0, 200)).then(() => undefined, () => undefined);
      throughput[kind] = Math.round((await load(servers[kind], db.secret, bodies)).requests.average);
    }
    const figures: Figure[] = [
      { name: "bare-node-throughput", value: throughput["bare-node"], unit: "req/s", goal: "reference", ratio: null },
      { name: "pdp-warm-cache-throughput", value: throughput["pdp-warm-cache"], unit: "req/s", goal: ">=0.5x-bare-node", ratio: round(throughput["pdp-warm-cache"] / throughput["bare-node"]) },
      { name: "fastify-jose-casbin-throughput", value: throughput["fastify-jose-casbin"], unit: "req/s", goal: "reference", ratio: null },
      { name: "pdp-cache-off-throughput", value: throughput["pdp-cache-off"], unit: "req/s", goal: ">=1.0x-fastify-jose-casbin", ratio: round(throughput["pdp-cache-off"] / throughput["fastify-jose-casbin"]) },
    ];
    for (const kind of ["pdp-warm-cache", "pdp-cache-off"] as const) {
      const rate = Math.round(throughput[kind] / 2);
      const latencies = await pacedLatencies(servers[kind], db.secret, bodies, rate);
      const p99 = round(percentile(latencies, 99));
      figures.push(
        { name: `${kind}-p50-at-${rate}-req/s`, value: round(percentile(latencies, 50)), unit: "ms", goal: "info", ratio: null },
        { name: `${kind}-p99-at-${rate}-req/s`, value: p99, unit: "ms", goal: "<=5ms", ratio: round(p99 / 5) },
      );
    }
    const { latencies: revocations, commits } = await measureRevocations(db, servers["pdp-warm-cache"], db.grants.slice(-REVOCATIONS));
    figures.push(
      { name: "revocation-commit-p50", value: round(percentile(commits, 50)), unit: "ms", goal: "info", ratio: null },
      { name: "revocation-commit-p99", value: round(percentile(commits, 99)), unit: "ms", goal: "info", ratio: null },
      { name: "revocation-propagation-p50", value: round(percentile(revocations, 50)), unit: "ms", goal: "info", ratio: null },
      { name: "revocation-propagation-p99", value: round(percentile(revocations, 99)), unit: "ms", goal: "<=100ms", ratio: round(percentile(revocations, 99) / 100) },
    );
    const app = await startApp(db.url);
    children.push(app.child);
    await load(app.url, db.secret, bodies.slice(0, 200)).then(() => undefined, () => undefined);
    const appDecisions = Math.round((await load(app.url, db.secret, bodies)).requests.average);
    const appTrivial = Math.round((await load(app.url, db.secret, bodies, "/api/ping")).requests.average);
    figures.push(
      { name: "app-trivial-route-throughput", value: appTrivial, unit: "req/s", goal: "reference", ratio: null },
      { name: "app-decisions-throughput", value: appDecisions, unit: "req/s", goal: ">=0.9x-trivial-route", ratio: round(appDecisions / appTrivial) },
    );
    for (const figure of figures) print(figure);

    fs.mkdirSync(path.join(here, "results"), { recursive: true });
    const results = { measuredAt: new Date().toISOString(), cpus: os.cpus().length, node: process.version, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, grants: db.grants.length, figures };
    fs.writeFileSync(path.join(here, "results", "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    for (const child of children) child.kill();
    await db.drop();
  }
}

await main();
