import PgBoss from "pg-boss";
import type { DatabaseConfig } from "@/lib/database/config";
import { openPGlite } from "@/lib/database/pglite";

/**
 * pg-boss on the configured database. On PostgreSQL it keeps its own small pool. On the embedded
 * database it runs over the one PGlite instance the rest of Baton uses (PGlite admits one process):
 * PGlite serialises every query and transaction through its own lock, so pg-boss's statements never
 * interleave with an open Prisma transaction.
 */
export function createQueueBackend(config: DatabaseConfig, pollingIntervalSeconds: number): PgBoss {
  const common = { schema: "pgboss", supervise: true, schedule: false, migrate: true, pollingIntervalSeconds, application_name: "baton-jobs" };
  if (config.kind === "postgresql") return new PgBoss({ ...common, connectionString: config.url, max: 4 });
  const db = openPGlite(config.dataDir);
  return new PgBoss({
    ...common,
    db: {
      // pg-boss sends its schema migrations as multi-statement scripts without parameters: those need exec.
      async executeSql(text: string, values?: unknown[]) {
        if (values?.length) return db.query(text, values);
        const results = await db.exec(text);
        return results.at(-1) ?? { rows: [] };
      },
    },
  });
}
