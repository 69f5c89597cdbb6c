// npm test: unit tests, integration tests on the embedded database (and on PostgreSQL when
// TEST_DATABASE_URL is set), then the browser tests. Runs every suite and fails if any failed;
// the summary, printed last, names each failed test so the tail of a CI log says what broke.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const node = process.execPath;
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "baton-test-reports-"));
const vitest = (project, report) => [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
];

function suite(name, kind, project, env) {
  const report = path.join(reports, `${name.replace(/\W+/g, "-")}.json`);
  if (kind === "vitest") return { name, kind, report, args: vitest(project, report), env };
  return { name, kind, report, args: ["scripts/e2e.mjs"], env: { ...env, E2E_JSON_REPORT: report } };
}

const suites = [suite("unit", "vitest", "unit", {}), suite("integration (embedded PGlite)", "vitest", "integration", { BATON_TEST_DB: "pglite" })];
if (process.env.TEST_DATABASE_URL) suites.push(suite("integration (PostgreSQL)", "vitest", "integration", { BATON_TEST_DB: "postgresql" }));
else console.log("npm test: TEST_DATABASE_URL is not set, so the integration tests run on the embedded database only.");
suites.push(suite(`browser (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "embedded PGlite"})`, "playwright", null, {}));

function firstLine(message) {
  return (
    String(message ?? "")
      .replace(/\u001b\[[0-9;]*m/g, "")
      .split("\n")
      .find((line) => line.trim()) ?? ""
  );
}

function failedVitest(report) {
  const failed = [];
  for (const file of report.testResults ?? []) {
    const tests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of tests) failed.push(`${path.relative(process.cwd(), file.name)} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (!tests.length && file.status === "failed") failed.push(`${path.relative(process.cwd(), file.name)}: ${firstLine(file.message)}`);
  }
  return failed;
}

function failedPlaywright(report) {
  const failed = [];
  const walk = (node, titles) => {
    for (const spec of node.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === "unexpected" || test.status === "flaky") {
          const error = test.results?.find((result) => result.error)?.error;
          failed.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}: ${firstLine(error?.message)}`);
        }
    for (const child of node.suites ?? []) walk(child, node.title && !node.title.endsWith(".ts") ? [...titles, node.title] : titles);
  };
  for (const top of report.suites ?? []) walk(top, []);
  for (const error of report.errors ?? []) failed.push(`(outside a test) ${firstLine(error.message)}`);
  return failed;
}

function failedTests(current) {
  try {
    const report = JSON.parse(fs.readFileSync(current.report, "utf8"));
    return current.kind === "vitest" ? failedVitest(report) : failedPlaywright(report);
  } catch {
    return ["(no report was written: see the output above)"];
  }
}

const results = [];
for (const current of suites) {
  console.log(`\n=== ${current.name} ===`);
  const started = Date.now();
  const run = spawnSync(node, current.args, { stdio: "inherit", env: { ...process.env, ...current.env } });
  const ok = run.status === 0;
  results.push({ name: current.name, ok, seconds: Math.round((Date.now() - started) / 1000), failed: ok ? [] : failedTests(current) });
}
fs.rmSync(reports, { recursive: true, force: true });

console.log("\n=== summary ===");
for (const result of results) {
  console.log(`${result.ok ? "ok  " : "FAIL"}  ${result.name} (${result.seconds}s)`);
  for (const failure of result.failed.slice(0, 15)) console.log(`        ✗ ${failure.slice(0, 300)}`);
  if (result.failed.length > 15) console.log(`        … and ${result.failed.length - 15} more`);
}
process.exit(results.every((result) => result.ok) ? 0 : 1);
