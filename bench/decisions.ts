// P1: throughput and latency of the standalone decision point against two baselines, and the app's
// decision endpoint against a trivial route handler of the same build. Loopback only.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { Pool } from "undici";
import { percentile, round, type Figure } from "./figures";
import type { BenchDatabase } from "./seed-bench-database";
import type { ServerKind } from "./server-kinds";

const DURATION_SECONDS = 5;
const CONNECTIONS = 50;
const DISTINCT_TOKENS = 1000;
const here = import.meta.dirname;

export function startServer(kind: ServerKind, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "serve.ts"), kind, databaseUrl], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${kind} exited with ${code} before serving`)));
    createInterface({ input: child.stdout! }).once("line", (line) => resolve({ url: (JSON.parse(line) as { url: string }).url, child }));
  });
}

export async function load(url: string, secret: string, bodies: string[], route = "/api/v1/decisions") {
  let next = 0;
  const result = await autocannon({
    url: `${url}${route}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  return result;
}

/**
 * Open-loop load at a steady `rate`, each latency timed from when its request was due (so a stall counts
 * against every request it delays). autocannon's own rate limit sends each second's quota as one burst,
 * which measures queueing behind the burst rather than latency at that load. The generator shares the two
 * cores with the server, so its own floor is measured too: the bare server at the same rate.
 */
async function pacedLatencies(url: string, secret: string, bodies: string[], rate: number, seconds = DURATION_SECONDS): Promise<number[]> {
  const pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });
  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
  const total = rate * seconds;
  const latencies: number[] = [];
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve, reject) => {
    const ticker = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      for (; sent < due; sent++) {
        const dueAt = started + (sent / rate) * 1000;
        pool
          .request({ path: "/api/v1/decisions", method: "POST", headers, body: bodies[sent % bodies.length] })
          .then(async ({ statusCode, body }) => {
            await body.dump();
            if (statusCode !== 200) throw new Error(`${url}: ${statusCode} under paced load`);
            if (latencies.push(performance.now() - dueAt) === total) resolve();
          })
          .catch(reject);
      }
      if (sent === total) clearInterval(ticker);
    }, 1);
  });
  await pool.close();
  return latencies;
}

/** The standalone decision point (warm cache and cache off) against its baselines, each in its own process. */
export async function measurePdpThroughput(db: BenchDatabase, children: { kill(): unknown }[]): Promise<{ figures: Figure[]; pdpUrls: string[] }> {
  const bodies = await tokenBodies(db);
  const servers = {} as Record<ServerKind, string>;
  for (const kind of ["bare-node", "pdp-warm-cache", "pdp-cache-off", "fastify-jose-casbin"] as const) {
    const { url, child } = await startServer(kind, db.url);
    children.push(child);
    servers[kind] = url;
  }
  const throughput = {} as Record<ServerKind, number>;
  // The figures mean something only if the decision points allow these calls: check one answer of each.
  for (const kind of ["pdp-warm-cache", "pdp-cache-off"] as const) await expectAllow(servers[kind], db.secret, bodies[0]!);
  for (const kind of Object.keys(servers) as ServerKind[]) {
    // A first pass warms the token cache, the JIT and the connection pools alike for every contestant.
    await load(servers[kind], db.secret, bodies.slice(0, 200)).then(
      () => undefined,
      () => undefined,
    );
    throughput[kind] = Math.round((await load(servers[kind], db.secret, bodies)).requests.average);
  }
  const figures: Figure[] = [
    { name: "bare-node-throughput", value: throughput["bare-node"], unit: "req/s", goal: "reference", ratio: null },
    {
      name: "pdp-warm-cache-throughput",
      value: throughput["pdp-warm-cache"],
      unit: "req/s",
      goal: ">=0.5x-bare-node",
      ratio: round(throughput["pdp-warm-cache"] / throughput["bare-node"]),
    },
    { name: "fastify-jose-casbin-throughput", value: throughput["fastify-jose-casbin"], unit: "req/s", goal: "reference", ratio: null },
    {
      name: "pdp-cache-off-throughput",
      value: throughput["pdp-cache-off"],
      unit: "req/s",
      goal: ">=1.0x-fastify-jose-casbin",
      ratio: round(throughput["pdp-cache-off"] / throughput["fastify-jose-casbin"]),
    },
  ];
  // The bare server at the warm PDP's half-load rate: the latency the generator and loopback add by themselves.
  const floorRate = Math.round(throughput["pdp-warm-cache"] / 2);
  // A first second, discarded, warms the generator itself (its JIT and undici's code paths).
  await pacedLatencies(servers["bare-node"], db.secret, bodies, floorRate, 1);
  const floor = await pacedLatencies(servers["bare-node"], db.secret, bodies, floorRate);
  figures.push({ name: `bare-node-p99-at-${floorRate}-req/s`, value: round(percentile(floor, 99)), unit: "ms", goal: "reference", ratio: null });
  for (const kind of ["pdp-warm-cache", "pdp-cache-off"] as const) {
    const rate = Math.round(throughput[kind] / 2);
    const latencies = await pacedLatencies(servers[kind], db.secret, bodies, rate);
    const p99 = round(percentile(latencies, 99));
    figures.push(
      { name: `${kind}-p50-at-${rate}-req/s`, value: round(percentile(latencies, 50)), unit: "ms", goal: "info", ratio: null },
      { name: `${kind}-p99-at-${rate}-req/s`, value: p99, unit: "ms", goal: "<=5ms", ratio: round(p99 / 5) },
    );
  }
  return { figures, pdpUrls: [servers["pdp-warm-cache"], servers["pdp-cache-off"]] };
}

/** The app's decision endpoint against a trivial route handler of the same build and server. */
export async function measureAppDecisions(db: BenchDatabase, appUrl: string): Promise<Figure[]> {
  const bodies = await tokenBodies(db);
  await expectAllow(appUrl, db.secret, bodies[0]!);
  await load(appUrl, db.secret, bodies.slice(0, 200)).then(
    () => undefined,
    () => undefined,
  );
  const appDecisions = Math.round((await load(appUrl, db.secret, bodies)).requests.average);
  const appTrivial = Math.round((await load(appUrl, db.secret, bodies, "/api/ping")).requests.average);
  return [
    { name: "app-trivial-route-throughput", value: appTrivial, unit: "req/s", goal: "reference", ratio: null },
    { name: "app-decisions-throughput", value: appDecisions, unit: "req/s", goal: ">=0.9x-trivial-route", ratio: round(appDecisions / appTrivial) },
  ];
}

export const BENCH_SHAPE = { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, distinctTokens: DISTINCT_TOKENS };

export function tokenBodies(db: BenchDatabase): Promise<string[]> {
  return Promise.all(db.grants.slice(0, DISTINCT_TOKENS).map(async (grant) => JSON.stringify({ token: await db.signToken(grant), scope: grant.scope })));
}

/** One decision through `url`, which must be an allow: a benchmark of denials would measure the wrong path. */
export async function expectAllow(url: string, secret: string, body: string): Promise<{ allow: boolean; policies?: { id: string }[] }> {
  const response = await fetch(`${url}/api/v1/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body,
  });
  const answer = (await response.json()) as { allow: boolean; reason: string; policies?: { id: string }[] };
  if (!answer.allow) throw new Error(`${url} answered ${JSON.stringify(answer)} to a call the benchmark expects allowed`);
  return answer;
}
