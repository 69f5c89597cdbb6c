// The first half of `npm start`, in a short-lived child of scripts/start.mjs: build if the build is not
// current, apply migrations, create the first admin or issue a set-up link, and hand the launcher what
// it needs to serve. Its modules (Prisma, PGlite, the build check) leave with it, so the launcher that
// stays beside the server holds almost no memory.
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

/** What the launcher needs from the preparation (sent over the IPC channel). */
export interface Prepared {
  port: number;
  baseUrl: string;
  authSecret: string;
  setupLink: { url: string; expiresAt: string } | null;
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
    const outcome = await bootstrapAdmin({
      email: settings.BATON_ADMIN_EMAIL,
      password: settings.BATON_ADMIN_PASSWORD,
      name: settings.BATON_ADMIN_NAME,
      token: settings.BATON_ADMIN_TOKEN,
    });
    if (outcome === "created") console.log(`Baton: created the admin ${settings.BATON_ADMIN_EMAIL} from BATON_ADMIN_EMAIL`);
  }
  const setupLink = await issueSetupLink({ baseUrl });
  await disconnect(); // the server process opens the database itself (PGlite allows one process)

  const prepared: Prepared = {
    port: settings.PORT,
    baseUrl,
    authSecret,
    setupLink: setupLink && { url: setupLink.url, expiresAt: setupLink.expiresAt.toISOString() },
  };
  if (!process.send) throw new Error("scripts/prepare-start.ts is run by scripts/start.mjs (npm start)");
  await new Promise<void>((resolve, reject) => process.send!(prepared, (error: Error | null) => (error ? reject(error) : resolve())));
});
