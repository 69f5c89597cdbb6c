import { expect, test } from "@playwright/test";
import { runBaton } from "../cli";
import { ADMIN_TOKEN, MAIN_URL } from "../fixtures";

const suffix = Date.now().toString(36);
const auto = `e2e.logs${suffix}:read`;
const manual = `e2e.db${suffix}:write`;
const admin = { BATON_URL: MAIN_URL, BATON_TOKEN: ADMIN_TOKEN };
let agent: Record<string, string>;

test.describe.configure({ mode: "serial" });

test("an operator sets up scopes, an agent and its key with the CLI", async () => {
  expect((await runBaton(["admin", "scopes", "create", "--key", auto, "--risk", "low", "--max", "1h", "--auto-approve"], admin)).code).toBe(0);
  expect((await runBaton(["admin", "scopes", "create", "--key", manual, "--risk", "high", "--max", "30m"], admin)).code).toBe(0);
  const created = await runBaton(
    ["admin", "agents", "create", "--name", `cli-bot-${suffix}`, "--owner", "admin@e2e.baton.dev", "--scope", auto, "--scope", manual, "--json"],
    admin,
  );
  expect(created.code, created.stderr).toBe(0);
  const agentId = JSON.parse(created.stdout).id as string;
  const key = await runBaton(["admin", "keys", "create", agentId, "--json"], admin);
  expect(key.code, key.stderr).toBe(0);
  agent = { BATON_URL: MAIN_URL, BATON_API_KEY: JSON.parse(key.stdout).key };
});

test("baton request exits 0 with the grant for an auto-approve scope", async () => {
  const run = await runBaton(["request", "--scope", auto, "--for", "15m", "--reason", "Reading logs for the checkout incident", "--wait", "10s"], agent);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/grt_[0-9a-z]{26}/);
  expect(run.stderr).toBe(""); // piped: no spinner
  const grants = await runBaton(["grants", "--json"], agent);
  expect(JSON.parse(grants.stdout).some((g: { scopes: string[] }) => g.scopes.includes(auto))).toBe(true);
});

test("baton request exits 3 when approval is still pending at the wait limit; cancel then exits 4", async () => {
  const run = await runBaton(["request", "--scope", manual, "--for", "10m", "--reason", "Backfilling the orders table", "--wait", "2s", "--json"], agent);
  expect(run.code, run.stderr).toBe(3);
  const id = JSON.parse(run.stdout).id as string;
  expect((await runBaton(["cancel", id], agent)).code).toBe(0);
  expect((await runBaton(["status", id], agent)).code).toBe(4);
});

test("bad input exits 1 with the server's reason on stderr", async () => {
  const tooLong = await runBaton(["request", "--scope", manual, "--for", "2h", "--reason", "Backfilling the orders table"], agent);
  expect(tooLong.code).toBe(1);
  expect(tooLong.stderr).toContain("1800");
  const unknown = await runBaton(["request", "--scope", "no.such:scope", "--for", "5m", "--reason", "Backfilling the orders table"], agent);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain("scopes.0");
});

test("a malformed body gets a problem+json 400 naming the field", async ({ request }) => {
  const response = await request.post(`${MAIN_URL}/api/v1/access-requests`, {
    headers: { authorization: `Bearer ${agent.BATON_API_KEY}`, "content-type": "application/json" },
    data: { scopes: [auto], justification: "ok", durationSeconds: "600" },
  });
  expect(response.status()).toBe(400);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  const problem = await response.json();
  expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(["durationSeconds", "justification"]);
});

test("a forged X-Forwarded-For does not escape the failed-authentication limit", async ({ request }) => {
  let last = 0;
  for (let i = 0; i < 25; i++) {
    const response = await request.get(`${MAIN_URL}/api/v1/grants`, { headers: { authorization: "Bearer not-a-key", "x-forwarded-for": `198.51.100.${i}` } });
    last = response.status();
  }
  expect(last).toBe(429);
});
