// P4: Baton with 100k grants and 1M audit events — list and filter APIs stay fast, and filing keeps up.
import autocannon from "autocannon";
import pg from "pg";
import { generateAgentKey } from "@/lib/agents/agent-key-format";
import { signInForCookie } from "@/lib/client/sign-in-for-cookie";
import { sha256Hex } from "@/lib/crypto/secrets";
import { latencyFigures, round, type Figure } from "./figures";
import { BENCH_ADMIN, BENCH_AGENT_ID_SQL, benchAgentId, type BenchDatabase } from "./seed-bench-database";

const GRANTS = 100_000;
const AUDIT_EVENTS = 1_000_000;
const BATCH = 25_000;
const LIST_SAMPLES = 40;
const FILING_AGENTS = 200;
const FILING_SECONDS = 10;

function progress(label: string, done: number, total: number) {
  if (!process.stderr.isTTY && done !== total && done % (total / 4) !== 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `${process.stderr.isTTY ? "\r" : ""}${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round((done / total) * 100)}%${process.stderr.isTTY && done < total ? "" : "\n"}`,
  );
}

/**
 * Bulk rows written straight to the database in batches (with a progress bar): grants spread over the
 * seeded agents in every state, and audit events after the current head. The events' hashes are
 * placeholders — this database is thrown away, and the chain is not what is measured.
 */
async function seedScale(db: BenchDatabase): Promise<{ agentKeys: string[] }> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    for (let offset = 0; offset < GRANTS; offset += BATCH) {
      await client.query(
        `INSERT INTO "Grant" (id, "agentId", scopes, "startsAt", "expiresAt", status, "grantedByKind", "createdAt", "updatedAt")
         SELECT 'grt_scale' || n, ${BENCH_AGENT_ID_SQL("n % 1000")}, ARRAY['crm.area' || (n % 20) || ':read'],
                now() - (n % 10080) * interval '1 minute', now() - (n % 10080) * interval '1 minute' + interval '1 hour',
                (ARRAY['EXPIRED','REVOKED','EXPIRED','ACTIVE'])[1 + n % 4]::"GrantStatus", 'SYSTEM',
                now() - (n % 10080) * interval '1 minute', now()
           FROM generate_series($1::int, $2::int) AS n`,
        [offset, Math.min(GRANTS, offset + BATCH) - 1],
      );
      progress("seeding 100k grants", Math.min(GRANTS, offset + BATCH), GRANTS);
    }
    await client.query("BEGIN");
    const head = Number((await client.query<{ seq: string }>(`SELECT seq FROM "AuditHead" WHERE id = 1 FOR UPDATE`)).rows[0]!.seq);
    for (let offset = 0; offset < AUDIT_EVENTS; offset += BATCH) {
      await client.query(
        `INSERT INTO "AuditEvent" (seq, id, at, "actorKind", "actorId", action, "subjectKind", "subjectId", "agentId", data, "prevHash", hash)
         SELECT $1::bigint + n, 'evt_scale' || n, now() - ($3::int - n) * interval '600 milliseconds', 'AGENT', ${BENCH_AGENT_ID_SQL("n % 1000")},
                (ARRAY['request.filed','grant.issued','grant.expired','grant.token_issued'])[1 + n % 4], 'grant', 'grt_scale' || (n % 100000),
                ${BENCH_AGENT_ID_SQL("n % 1000")}, '{}'::jsonb, 'bench', 'bench'
           FROM generate_series($2::int, $4::int) AS n`,
        [head, offset + 1, AUDIT_EVENTS, Math.min(AUDIT_EVENTS, offset + BATCH)],
      );
      progress("seeding 1M audit events", Math.min(AUDIT_EVENTS, offset + BATCH), AUDIT_EVENTS);
    }
    await client.query(`UPDATE "AuditHead" SET seq = $1 WHERE id = 1`, [head + AUDIT_EVENTS]);
    // The seeded history stands for months already behind Baton: the job dispatcher has long read it.
    await client.query(`UPDATE "JobCursor" SET seq = $1, "updatedAt" = now()`, [head + AUDIT_EVENTS]);
    await client.query("COMMIT");

    // Keys and eligibility for the agents that file under load (a scope without auto-approval: filings stay pending).
    const agentKeys: string[] = [];
    const rows = Array.from({ length: FILING_AGENTS }, (_, index) => {
      const { key, prefix } = generateAgentKey();
      agentKeys.push(key);
      return { id: `key_scale${index}`, agentId: benchAgentId(index), prefix, hash: sha256Hex(key) };
    });
    await client.query(`INSERT INTO "AgentKey" (id, "agentId", prefix, hash) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`, [
      rows.map((row) => row.id),
      rows.map((row) => row.agentId),
      rows.map((row) => row.prefix),
      rows.map((row) => row.hash),
    ]);
    await client.query(`INSERT INTO "AgentEligibleScope" ("agentId", "scopeId") SELECT unnest($1::text[]), 'scp_crm.area0:read'`, [
      rows.map((row) => row.agentId),
    ]);
    await client.query("ANALYZE");
    return { agentKeys };
  } finally {
    await client.end();
  }
}

async function timeList(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  await response.arrayBuffer();
  return performance.now() - started;
}

/** p95 of each list or filter call, one at a time, across the seeded agents; then filing throughput under load. */
export async function measureScale(options: { db: BenchDatabase; appUrl: string }): Promise<Figure[]> {
  const { agentKeys } = await seedScale(options.db);
  // The browser's lists, as an admin's open dashboard asks for them.
  const session = { cookie: await signInForCookie(options.appUrl, BENCH_ADMIN) };
  const hourAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  const browserLists = [
    { name: "ui-grants-all", url: () => `${options.appUrl}/api/ui/grants?status=all` },
    { name: "ui-grants-expired", url: () => `${options.appUrl}/api/ui/grants?status=expired` },
    { name: "ui-grants-by-agent", url: (sample: number) => `${options.appUrl}/api/ui/grants?status=all&agent=${benchAgentId(sample * 7)}` },
    { name: "ui-grants-by-scope", url: (sample: number) => `${options.appUrl}/api/ui/grants?status=all&scope=crm.area${sample % 20}:read` },
    { name: "ui-audit-latest", url: () => `${options.appUrl}/api/ui/audit` },
    { name: "ui-audit-by-actor", url: (sample: number) => `${options.appUrl}/api/ui/audit?actor=${benchAgentId(sample * 13)}` },
    { name: "ui-audit-by-action", url: () => `${options.appUrl}/api/ui/audit?action=grant.expired` },
    { name: "ui-audit-by-subject", url: (sample: number) => `${options.appUrl}/api/ui/audit?subject=grt_scale${sample * 997}` },
    { name: "ui-audit-time-range", url: (sample: number) => `${options.appUrl}/api/ui/audit?from=${hourAgo(100 + sample)}&to=${hourAgo(99 + sample)}` },
  ].map((list) => ({ ...list, headers: session }));
  const auth = (sample: number) => ({ authorization: `Bearer ${agentKeys[sample % agentKeys.length]}` });
  const lists = [
    { name: "agent-grants-list", url: () => `${options.appUrl}/api/v1/grants`, perSample: true },
    { name: "agent-requests-list-pending", url: () => `${options.appUrl}/api/v1/access-requests?status=PENDING&limit=50`, perSample: true },
  ];
  const figures: Figure[] = [];
  for (const list of lists) {
    const samples: number[] = [];
    for (let sample = 0; sample < LIST_SAMPLES; sample++) samples.push(await timeList(list.url(), auth(sample)));
    figures.push(...latencyFigures(list.name, samples, { p: 95, ms: 200 }));
  }
  for (const list of browserLists) {
    const samples: number[] = [];
    for (let sample = 0; sample < LIST_SAMPLES; sample++) samples.push(await timeList(list.url(sample), list.headers));
    figures.push(...latencyFigures(list.name, samples, { p: 95, ms: 200 }));
  }

  let next = 0;
  const body = JSON.stringify({ scopes: ["crm.area0:read"], justification: "Benchmark: filing throughput", durationSeconds: 600 });
  const result = await autocannon({
    url: `${options.appUrl}/api/v1/access-requests`,
    connections: 20,
    duration: FILING_SECONDS,
    requests: [{ method: "POST", setupRequest: (request) => ({ ...request, headers: { ...auth(next++), "content-type": "application/json" }, body }) }],
  });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`filing under load: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  const filed = Math.round(result.requests.average);
  figures.push({ name: "filing-throughput-postgresql", value: filed, unit: "req/s", goal: ">=300/s", ratio: round(filed / 300) });
  return figures;
}
