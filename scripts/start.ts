// npm start: build if the build is not current, apply migrations, create the first admin or print a
// set-up link, then serve. Runs on the embedded database unless DATABASE_URL is set.
import { spawn } from "node:child_process";
import path from "node:path";
import { env } from "@/lib/env";
import { disconnect } from "@/lib/db";
import { ensureBuild } from "@/lib/build-fingerprint";
import { databaseConfig, describeDatabase } from "@/lib/database/config";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { readOrCreateSecret } from "@/lib/instance-secret";
import { bootstrapAdmin } from "@/lib/setup/bootstrap-admin";
import { issueSetupLink } from "@/lib/setup/issue-setup-link";
import { runScript } from "./run-script";

async function waitUntilServing(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}

await runScript(async () => {
  const settings = env();
  const dataDir = path.resolve(settings.BATON_DATA_DIR);
  const baseUrl = settings.BATON_PUBLIC_URL ?? `http://localhost:${settings.PORT}`;
  const authSecret = settings.AUTH_SECRET ?? readOrCreateSecret(dataDir, "auth-secret");

  // The browser suite builds once and starts two servers; they must not rebuild (and race) on their own.
  if (process.env.BATON_USE_EXISTING_BUILD !== "1") {
    const buildStatus = ensureBuild();
    if (buildStatus !== 0) return buildStatus;
  }

  const config = databaseConfig();
  console.log(`Baton: database ${describeDatabase(config)}`);
  const applied = await migrateDatabase(config);
  console.log(`Baton: ${applied.length ? `applied migrations ${applied.join(", ")}` : "migrations up to date"}`);

  if (settings.BATON_ADMIN_EMAIL && settings.BATON_ADMIN_PASSWORD) {
    const outcome = await bootstrapAdmin({ email: settings.BATON_ADMIN_EMAIL, password: settings.BATON_ADMIN_PASSWORD, name: settings.BATON_ADMIN_NAME, token: settings.BATON_ADMIN_TOKEN });
    if (outcome === "created") console.log(`Baton: created the admin ${settings.BATON_ADMIN_EMAIL} from BATON_ADMIN_EMAIL`);
  }
  const setupLink = await issueSetupLink({ baseUrl });
  await disconnect(); // the server process opens the database itself (PGlite allows one process)

  const child = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, AUTH_SECRET: authSecret, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))));

  if (await waitUntilServing(`http://127.0.0.1:${settings.PORT}/api/health`, child)) {
    console.log(`Baton: ready on ${baseUrl}`);
    if (setupLink)
      console.log(
        `Baton: no user exists yet. Create the first admin with this one-time link (valid until ${setupLink.expiresAt.toISOString()}):\n\n    ${setupLink.url}\n`,
      );
  }
  return exited;
});
