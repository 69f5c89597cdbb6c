// P3: a revocation made through one app instance is denied by the decisions of every app instance and
// every baton pdp; and at exactly a grant's expiry, every decision point denies.
import pg from "pg";
import { CHANGE_CHANNEL } from "@/lib/events/change";
import { api } from "./app-instance";
import { latencyFigures, round, type Figure } from "./figures";
import { BENCH_ADMIN, BENCH_AUDIENCE, type BenchDatabase } from "./seed-bench-database";

const REVOCATIONS = 30;
const POLL_TIMEOUT_MS = 3000;
const EXPIRING_GRANTS = 25;

export interface DecisionPoint {
  name: string;
  url: string;
}

async function allows(point: DecisionPoint, secret: string, question: object): Promise<boolean> {
  const response = await fetch(`${point.url}/api/v1/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify(question),
  });
  if (!response.ok) throw new Error(`${point.name}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { allow: boolean }).allow;
}

/** Milliseconds from `since` until the decision point answers `wanted`. */
async function until(point: DecisionPoint, secret: string, question: object, wanted: boolean, since: number): Promise<number> {
  while ((await allows(point, secret, question)) !== wanted)
    if (performance.now() - since > POLL_TIMEOUT_MS) throw new Error(`${point.name} still answers ${!wanted} ${POLL_TIMEOUT_MS} ms later`);
  return performance.now() - since;
}

/** Revokes through the first app instance (the agent releasing its grant) and polls every decision point until it denies. */
export async function measureRevocationEverywhere(options: { points: DecisionPoint[]; db: BenchDatabase }): Promise<Figure[]> {
  const { points, db } = options;
  const origin = points[0]!.url;
  const suffix = Date.now().toString(36);
  const scope = `bench.rev${suffix}:read`;
  await api(origin, BENCH_ADMIN.token, "POST", "/api/v1/admin/scopes", {
    key: scope,
    risk: "LOW",
    maxDurationSeconds: 3600,
    autoApprove: true,
    resourceServer: BENCH_AUDIENCE,
  });
  await api(origin, BENCH_ADMIN.token, "POST", "/api/v1/admin/users", {
    email: `rev-owner-${suffix}@bench.test`,
    name: "Bench Owner",
    role: "VIEWER",
    password: "bench owner password",
  });
  const agent = await api<{ id: string }>(origin, BENCH_ADMIN.token, "POST", "/api/v1/admin/agents", {
    name: `bench-rev-${suffix}`,
    ownerEmail: `rev-owner-${suffix}@bench.test`,
    eligibleScopes: [scope],
  });
  const { key } = await api<{ key: string }>(origin, BENCH_ADMIN.token, "POST", `/api/v1/admin/agents/${agent.id}/keys`);
  const question = { agentId: agent.id, scope };

  const latencies: number[] = [];
  const acknowledgements: number[] = [];
  for (let round = 0; round < REVOCATIONS; round++) {
    const filed = await api<{ grant: { id: string } }>(origin, key, "POST", "/api/v1/access-requests", {
      scopes: [scope],
      justification: "Benchmark: revocation everywhere",
      durationSeconds: 600,
    });
    const issued = performance.now();
    await Promise.all(points.map((point) => until(point, db.secret, question, true, issued)));
    const revoking = performance.now();
    await api(origin, key, "POST", `/api/v1/grants/${filed.grant.id}/revoke`, { reason: "benchmark" });
    const acknowledged = performance.now();
    acknowledgements.push(acknowledged - revoking);
    latencies.push(...(await Promise.all(points.map((point) => until(point, db.secret, question, false, acknowledged)))));
  }
  return [
    {
      name: "revocation-api-call-p50",
      value: round(acknowledgements.sort((a, b) => a - b)[acknowledgements.length >> 1]!),
      unit: "ms",
      goal: "info",
      ratio: null,
    },
    ...latencyFigures(`revocation-to-deny-on-${points.length}-points`, latencies, { p: 99, ms: 100 }),
  ];
}

/**
 * Grants of the seeded agents are set to expire at one instant T (announced as a change, so every index
 * re-reads them); at T every decision point is asked about every grant. Goal: not one allow.
 */
export async function measureDecisionsAtExpiry(options: { points: DecisionPoint[]; db: BenchDatabase }): Promise<Figure[]> {
  const { points, db } = options;
  const grants = db.grants.slice(0, EXPIRING_GRANTS);
  const expiresAt = Date.now() + 3000;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`UPDATE "Grant" SET "expiresAt" = $1::timestamptz AT TIME ZONE 'UTC', "updatedAt" = now() WHERE id = ANY($2::text[])`, [
      new Date(expiresAt).toISOString(),
      grants.map((grant) => grant.id),
    ]);
    for (const grant of grants)
      await client.query(`SELECT pg_notify($1, $2)`, [
        CHANGE_CHANNEL,
        JSON.stringify({ seq: "0", action: "grant.issued", subjectKind: "grant", subjectId: grant.id, agentId: grant.agentId }),
      ]);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  const ask = () => Promise.all(grants.flatMap((grant) => points.map((point) => allows(point, db.secret, { agentId: grant.agentId, scope: grant.scope }))));
  // A second ahead: on a loaded machine a hundred answers can take a few hundred ms to come back.
  await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() - 1000));
  const before = await ask();
  while (Date.now() < expiresAt) await new Promise((resolve) => setImmediate(resolve));
  const atExpiry = await ask();
  const allowedAtExpiry = atExpiry.filter(Boolean).length;
  return [
    { name: "allowed-shortly-before-exp", value: before.filter(Boolean).length, unit: `of-${before.length}`, goal: "info", ratio: null },
    { name: "allowed-at-exp", value: allowedAtExpiry, unit: `of-${atExpiry.length}`, goal: "0", ratio: allowedAtExpiry === 0 ? 0 : null },
  ];
}
