import { createAdapter } from "./adapter";
import type { DatabaseConfig } from "./config";
import { applyMigrations, openSchemaEngine } from "./migrations";

/** Applies pending migrations; returns the names applied. Leaves an embedded database open for the caller. */
export async function migrateDatabase(config: DatabaseConfig): Promise<string[]> {
  const handle = createAdapter(config, { forMigrations: true });
  const engine = await openSchemaEngine(handle.factory);
  try {
    return await applyMigrations(engine);
  } finally {
    engine.free();
    if (config.kind === "postgresql") await handle.close();
  }
}
