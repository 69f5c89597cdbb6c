import { defineConfig, devices } from "@playwright/test";

// Started by scripts/e2e.mjs, which picks the browser, prepares one database per server and builds once.
const MAIN_PORT = Number(process.env.E2E_MAIN_PORT ?? 3210);
const FRESH_PORT = Number(process.env.E2E_FRESH_PORT ?? 3211);
export const FRESH_LOG = process.env.E2E_FRESH_LOG ?? "test-results/fresh-server.log";
// A real OpenID Connect provider on loopback (e2e/oidc-provider.mjs), which the main server signs in through.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3299);
const OIDC_CLIENT = { id: "baton-e2e", secret: "baton-e2e-client-secret-0123456789abcdef" };

const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const executablePath = process.env.BATON_E2E_BROWSER || undefined;

function server(port: number, env: Record<string, string>, log: string) {
  return {
    command: `node scripts/start.mjs > "${log}" 2>&1`,
    url: `http://localhost:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { ...env, PORT: String(port), NODE_ENV: "production" },
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // scripts/test.mjs asks for a JSON report too, to name the failed tests at the end of its summary.
  reporter: process.env.E2E_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]] : [["list"]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://localhost:${MAIN_PORT}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath, args: executablePath ? chromiumFlags : [] },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "api", testMatch: /api\/.*\.spec\.ts/ },
    {
      name: "ui",
      testMatch: /.*\.spec\.ts/,
      testIgnore: /api\//,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], storageState: "playwright/.auth/admin.json" },
    },
  ],
  webServer: [
    // Started first: the main server's sign-in page offers SSO through it.
    {
      command: "node e2e/oidc-provider.mjs",
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: {
        E2E_OIDC_PORT: String(OIDC_PORT),
        E2E_OIDC_CLIENT_ID: OIDC_CLIENT.id,
        E2E_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
        E2E_OIDC_REDIRECT_URI: `http://localhost:${MAIN_PORT}/api/auth/callback/oidc`,
      },
    },
    server(
      MAIN_PORT,
      {
        BATON_DATA_DIR: process.env.E2E_MAIN_DATA_DIR ?? ".baton/e2e-main",
        DATABASE_URL: process.env.E2E_MAIN_DATABASE_URL ?? "",
        BATON_ADMIN_EMAIL: "admin@e2e.baton.dev",
        BATON_ADMIN_PASSWORD: "e2e-admin-password",
        BATON_ADMIN_NAME: "Erin Admin",
        BATON_ADMIN_TOKEN: "e2e-admin-token-0123456789abcdefghijklmnop",
        // The webhook test's receiver listens on loopback, which Baton refuses by default.
        BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "on",
        AUTH_OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
        AUTH_OIDC_CLIENT_ID: OIDC_CLIENT.id,
        AUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      },
      process.env.E2E_MAIN_LOG ?? "test-results/main-server.log",
    ),
    server(
      FRESH_PORT,
      { BATON_DATA_DIR: process.env.E2E_FRESH_DATA_DIR ?? ".baton/e2e-fresh", DATABASE_URL: process.env.E2E_FRESH_DATABASE_URL ?? "" },
      FRESH_LOG,
    ),
  ],
});
