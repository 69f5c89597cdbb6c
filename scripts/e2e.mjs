// Browser tests: picks a browser (scripts/find-browser.mjs: Playwright's own Chromium, else a system
// Chromium or Chrome, else it installs Playwright's; none: one line saying what to install, exit 1), builds once,
// gives each test server its own fresh database, runs Playwright, and cleans up.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium } from "@playwright/test";
import { findBrowser, NO_BROWSER_MESSAGE } from "./find-browser.mjs";

const node = process.execPath;
const browser = findBrowser({
  playwrightExecutable: () => chromium.executablePath(),
  exists: (file) => fs.existsSync(file),
  pathVariable: process.env.PATH,
  installPlaywrightChromium: () => {
    console.log("e2e: no Chromium found; trying `npx playwright install chromium`…");
    return spawnSync(node, ["node_modules/@playwright/test/cli.js", "install", "chromium"], { stdio: "inherit" }).status === 0;
  },
});
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
console.log(`e2e: using ${browser.kind === "system" ? "the system Chromium" : "Playwright's Chromium"} at ${browser.path}`);

const tsx = ["node_modules/tsx/dist/cli.mjs"];
const build = spawnSync(node, [...tsx, "scripts/ensure-build.ts"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "baton-e2e-"));
const env = {
  ...process.env,
  BATON_E2E_BROWSER: browser.kind === "system" ? browser.path : "",
  BATON_USE_EXISTING_BUILD: "1",
  E2E_MAIN_DATA_DIR: path.join(work, "main"),
  E2E_FRESH_DATA_DIR: path.join(work, "fresh"),
  E2E_MAIN_LOG: path.join(work, "main.log"),
  E2E_FRESH_LOG: path.join(work, "fresh.log"),
};

const databases = [];
if (process.env.TEST_DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  for (const role of ["main", "fresh"]) {
    const name = `baton_e2e_${role}_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    env[`E2E_${role.toUpperCase()}_DATABASE_URL`] = url.toString();
    databases.push(name);
  }
  await admin.end();
  console.log(`e2e: on PostgreSQL (${databases.join(", ")})`);
} else console.log("e2e: on the embedded database");

const result = spawnSync(node, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], { stdio: "inherit", env });

if (result.status !== 0)
  for (const log of [env.E2E_MAIN_LOG, env.E2E_FRESH_LOG])
    if (fs.existsSync(log)) console.log(`\n--- ${path.basename(log)} (last 40 lines) ---\n${fs.readFileSync(log, "utf8").split("\n").slice(-40).join("\n")}`);

if (databases.length) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
fs.rmSync(work, { recursive: true, force: true });
process.exit(result.status ?? 1);
