// npm run bench:lists — the grants list and the audit log at 100,000 rows each, on PostgreSQL
// (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres; a fresh database is created
// and dropped). For every filter it times the first page and a page deep inside the results through the
// real domain functions, and prints the PostgreSQL plan of the deep page. Writes bench/results/lists.txt.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { personPrincipal } from "@/lib/kernel/principal";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROWS = 100_000;
const name = `baton_bench_lists_${process.pid}`;
const url = new URL(BASE_URL);
url.pathname = `/${name}`;
const maintenance = new pg.Client({ connectionString: BASE_URL });
await maintenance.connect();
await maintenance.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await maintenance.query(`CREATE DATABASE "${name}"`);
if (process.env.BENCH_LOG_SQL) await maintenance.query(`ALTER DATABASE "${name}" SET log_min_duration_statement = 0`);
process.env.DATABASE_URL = url.toString();
await migrateDatabase({ kind: "postgresql", url: url.toString() });

const padded = (prefix: string, n: string) => `'${prefix}_' || lpad((${n})::text, 26, '0')`;
const sql = new pg.Client({ connectionString: url.toString() });
await sql.connect();
// 200 people, 50 agents, 30 common scopes and one rare, 20 incidents; one grant a minute going back ~70 days:
// every 10th revoked, every 3rd on behalf of someone, every 100th bound to an incident, 1 in 1000 with the rare scope.
// Nothing marked expired (as if no expiry job ran): the status filter must work from expiresAt alone.
await sql.query(`
  INSERT INTO "User" (id, email, name, "updatedAt") SELECT ${padded("usr", "g")}, 'person' || g || '@bench.test', 'Person ' || g, now() FROM generate_series(1, 200) g;
  INSERT INTO "Agent" (id, name, "ownerId", "updatedAt") SELECT ${padded("agt", "g")}, 'bench-bot-' || g, ${padded("usr", "1")}, now() FROM generate_series(1, 50) g;
  INSERT INTO "Incident" (id, title, "updatedAt") SELECT ${padded("inc", "g")}, 'Incident ' || g, now() FROM generate_series(1, 20) g;
  INSERT INTO "Grant" (id, "agentId", "onBehalfOfId", scopes, "startsAt", "expiresAt", status, "grantedByKind", "revokedAt", "incidentId", "createdAt", "updatedAt")
  SELECT ${padded("grt", "g")}, ${padded("agt", "1 + g % 50")},
    CASE WHEN g % 3 = 0 THEN ${padded("usr", "1 + g % 200")} END,
    CASE WHEN g % 1000 = 7 THEN ARRAY['bench.rare:write'] ELSE ARRAY['bench.area' || (g % 30) || ':read'] END,
    at, at + interval '1 hour',
    (CASE WHEN g % 10 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END)::"GrantStatus", 'SYSTEM',
    CASE WHEN g % 10 = 0 THEN at + interval '5 minutes' END,
    CASE WHEN g % 100 = 0 THEN ${padded("inc", "1 + g % 20")} END,
    at, at
  FROM generate_series(1, ${ROWS}) g, LATERAL (SELECT now() - g * interval '1 minute' AS at) t;
  INSERT INTO "AuditEvent" (seq, id, at, "actorKind", "actorId", action, "subjectKind", "subjectId", "agentId", data, "prevHash", hash)
  SELECT g, ${padded("evt", "g")}, now() - (${ROWS} - g) * interval '1 minute',
    (CASE WHEN g % 4 = 0 THEN 'USER' WHEN g % 4 = 1 THEN 'AGENT' ELSE 'SYSTEM' END)::"ActorKind",
    CASE WHEN g % 4 = 0 THEN ${padded("usr", "1 + g % 200")} WHEN g % 4 = 1 THEN ${padded("agt", "1 + g % 50")} END,
    (ARRAY['request.filed','request.approved','grant.issued','grant.revoked','grant.expired','user.signed_in'])[1 + g % 6],
    'grant', ${padded("grt", "g")}, ${padded("agt", "1 + g % 50")}, '{}'::jsonb, repeat('0', 64), repeat('0', 64)
  FROM generate_series(1, ${ROWS}) g;
  UPDATE "AuditHead" SET seq = ${ROWS};
`);
// As autovacuum would have by now: statistics, visibility map, and the GIN index's pending list merged.
await sql.query("VACUUM ANALYZE");

const { listGrants } = await import("@/lib/grants/list-grants");
const { grantSearchQuery } = await import("@/lib/grants/schemas");
const { listAuditEvents } = await import("@/lib/audit/list-audit-events");
const { auditPageQuery } = await import("@/lib/audit/schemas");
const { disconnect } = await import("@/lib/db");

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const report: string[] = [`Lists at ${ROWS.toLocaleString("en")} rows each, ${new Date().toISOString()} (median of 5, ms, through the domain functions)`, ""];
const log = (line: string) => {
  console.log(line);
  report.push(line);
};
const admin = personPrincipal("usr_bench", "ADMIN");
const person = `person${1 + ((3 * 40) % 200)}@bench.test`;
const grantFilters: Record<string, Record<string, string>> = {
  all: { status: "all" },
  active: { status: "active" },
  expired: { status: "expired" },
  revoked: { status: "revoked" },
  agent: { status: "all", agent: `agt_${"7".padStart(26, "0")}` },
  "scope (1 in 30)": { status: "all", scope: "bench.area7:read" },
  "scope (1 in 1000)": { status: "all", scope: "bench.rare:write" },
  "on behalf of": { status: "all", onBehalfOf: person },
  incident: { status: "all", incident: `inc_${"1".padStart(26, "0")}` },
  "agent + scope + expired": { status: "expired", agent: `agt_${"8".padStart(26, "0")}`, scope: "bench.area7:read" },
};
log("grants list (50 a page): first page / the page in the middle of the filtered results");
for (const [label, filter] of Object.entries(grantFilters)) {
  const first = await listGrants({ search: grantSearchQuery.parse(filter) });
  // Walk the whole result with the cursors the list hands out (100 a page), then time the page in the middle.
  const cursors: string[] = [];
  for (let cursor = first.nextCursor; cursor;) {
    cursors.push(cursor);
    cursor = (await listGrants({ search: grantSearchQuery.parse({ ...filter, limit: "100", cursor }) })).nextCursor;
  }
  const cursor = cursors[Math.floor(cursors.length / 2)];
  const depth = cursor ? 50 + Math.floor(cursors.length / 2) * 100 : 0;
  const firstMs = await median(() => listGrants({ search: grantSearchQuery.parse(filter) }));
  const deepMs = cursor ? await median(() => listGrants({ search: grantSearchQuery.parse({ ...filter, cursor }) })) : null;
  log(
    `  ${label.padEnd(26)} ${firstMs.toFixed(1).padStart(7)} / ${deepMs === null ? "   (one page)" : deepMs.toFixed(1).padStart(7)}   (${first.items.length}${first.nextCursor ? "+" : ""} rows; middle page ${depth.toLocaleString("en")} rows deep)`,
  );
}

const auditFilters: Record<string, Record<string, string>> = {
  everything: {},
  "actor (email)": { actor: person },
  "actor kind": { actor: "system" },
  action: { action: "grant.revoked" },
  subject: { subject: `grt_${"4242".padStart(26, "0")}` },
  "time range (a day)": { from: new Date(Date.now() - 40 * 86_400_000).toISOString(), to: new Date(Date.now() - 39 * 86_400_000).toISOString() },
};
log("");
log("audit log (50 a page): first page / page 1,000 events deep");
for (const [label, filter] of Object.entries(auditFilters)) {
  const query = (more: Record<string, string> = {}) => auditPageQuery.parse({ ...filter, ...more });
  const first = await listAuditEvents({ principal: admin, query: query() });
  const deep = await listAuditEvents({ principal: admin, query: query({ limit: "200" }) }).then(async (page) => {
    let cursor = page.nextCursor;
    for (let i = 0; i < 4 && cursor; i++) cursor = (await listAuditEvents({ principal: admin, query: query({ limit: "200", cursor }) })).nextCursor;
    return cursor;
  });
  const firstMs = await median(() => listAuditEvents({ principal: admin, query: query() }));
  const deepMs = deep ? await median(() => listAuditEvents({ principal: admin, query: query({ cursor: deep }) })) : null;
  log(
    `  ${label.padEnd(26)} ${firstMs.toFixed(1).padStart(7)} / ${deepMs === null ? "   (one page)" : deepMs.toFixed(1).padStart(7)}   (${first.items.length}${first.nextCursor ? "+" : ""} rows)`,
  );
}

// The plans, for the SQL Prisma sends for a deep grants page (its shape: filters AND the keyset condition).
const explain = async (label: string, text: string, values: unknown[]) => {
  const plan = (await sql.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values)).rows.map((row: Record<string, string>) => row["QUERY PLAN"]);
  log("");
  log(`plan: ${label}`);
  for (const line of plan) log(`  ${line}`);
};
const middle = (await sql.query(`SELECT "createdAt", id FROM "Grant" ORDER BY "createdAt" DESC, id DESC OFFSET 50000 LIMIT 1`)).rows[0] as {
  createdAt: Date;
  id: string;
};
const keyset = `("createdAt" <= $1 AND ("createdAt" < $1 OR id < $2))`;
await explain("all grants, 50,000 rows deep", `SELECT id FROM "Grant" WHERE ${keyset} ORDER BY "createdAt" DESC, id DESC LIMIT 51`, [
  middle.createdAt,
  middle.id,
]);
await explain(
  "expired (effective), 50,000 rows deep",
  `SELECT id FROM "Grant" WHERE "revokedAt" IS NULL AND (status = 'EXPIRED' OR (status = 'ACTIVE' AND "expiresAt" <= now())) AND ${keyset} ORDER BY "createdAt" DESC, id DESC LIMIT 51`,
  [middle.createdAt, middle.id],
);
await explain("one rare scope", `SELECT id FROM "Grant" WHERE scopes @> ARRAY['bench.rare:write'] ORDER BY "createdAt" DESC, id DESC LIMIT 51`, []);
await explain("one agent, 50,000 rows deep", `SELECT id FROM "Grant" WHERE "agentId" = $3 AND ${keyset} ORDER BY "createdAt" DESC, id DESC LIMIT 51`, [
  middle.createdAt,
  middle.id,
  `agt_${"7".padStart(26, "0")}`,
]);
await explain(
  "active now",
  `SELECT id FROM "Grant" WHERE status = 'ACTIVE' AND "revokedAt" IS NULL AND "startsAt" <= now() AND "expiresAt" > now() ORDER BY "createdAt" DESC, id DESC LIMIT 51`,
  [],
);

await sql.end();
await disconnect();
await maintenance.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await maintenance.end();
fs.mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, "results", "lists.txt"), `${report.join("\n")}\n`);
