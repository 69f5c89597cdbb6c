// npm run db:migrate: applies pending migrations to the configured database (DATABASE_URL or the embedded one).
import { databaseConfig, describeDatabase } from "@/lib/database/config";
import { closePGlite } from "@/lib/database/pglite";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { runScript } from "./run-script";

await runScript(async () => {
  const config = databaseConfig();
  const applied = await migrateDatabase(config);
  if (config.kind === "pglite") await closePGlite(config.dataDir);
  console.log(`${describeDatabase(config)}: ${applied.length ? `applied ${applied.join(", ")}` : "no pending migrations"}`);
});
