// npm test: unit tests, integration tests on the embedded database (and on PostgreSQL when
// TEST_DATABASE_URL is set), then the browser tests. Runs every suite and fails if any failed.
import { spawnSync } from "node:child_process";

const node = process.execPath;
const vitest = ["node_modules/vitest/vitest.mjs", "run"];
const suites = [
  { name: "unit", args: [...vitest, "--project", "unit"], env: {} },
  { name: "integration (embedded PGlite)", args: [...vitest, "--project", "integration"], env: { BATON_TEST_DB: "pglite" } },
];
if (process.env.TEST_DATABASE_URL)
  suites.push({ name: "integration (PostgreSQL)", args: [...vitest, "--project", "integration"], env: { BATON_TEST_DB: "postgresql" } });
else console.log("npm test: TEST_DATABASE_URL is not set, so the integration tests run on the embedded database only.");
suites.push({ name: `browser (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "embedded PGlite"})`, args: ["scripts/e2e.mjs"], env: {} });

const results = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const run = spawnSync(node, suite.args, { stdio: "inherit", env: { ...process.env, ...suite.env } });
  results.push({ name: suite.name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log("\n=== summary ===");
for (const result of results) console.log(`${result.ok ? "ok  " : "FAIL"}  ${result.name} (${result.seconds}s)`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
