import path from "node:path";
import { env } from "@/lib/env";

export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgresql"; url: string };

/** DATABASE_URL selects PostgreSQL; without it Baton runs on an embedded PGlite under the data directory. */
export function databaseConfig(): DatabaseConfig {
  const { DATABASE_URL, BATON_DATA_DIR } = env();
  if (DATABASE_URL) return { kind: "postgresql", url: DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(BATON_DATA_DIR, "pglite") };
}

/** Where the database is, without any password, for logs and health. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `embedded PGlite at ${config.dataDir}`;
  const url = new URL(config.url);
  if (url.password) url.password = "***";
  return `PostgreSQL at ${url.toString()}`;
}
