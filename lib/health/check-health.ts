import fs from "node:fs/promises";
import { prisma } from "@/lib/db";
import { databaseConfig } from "@/lib/database/config";
import { MIGRATIONS_DIR } from "@/lib/database/paths";

export type Health =
  | { status: "ok"; database: "pglite" | "postgresql"; migrations: "up-to-date" }
  | { status: "unavailable"; database: "pglite" | "postgresql"; migrations?: "pending"; reason: string };

let shipped: Promise<string[]> | undefined;
/** The migrations this build ships with; they do not change while the process runs. */
function shippedMigrations(): Promise<string[]> {
  return (shipped ??= fs.readdir(MIGRATIONS_DIR, { withFileTypes: true }).then((entries) =>
    entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort(),
  ));
}

export async function checkHealth(): Promise<Health> {
  const database = databaseConfig().kind;
  let applied: string[];
  try {
    const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((row) => row.migration_name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/_prisma_migrations/.test(message) && /does not exist/.test(message))
      return { status: "unavailable", database, migrations: "pending", reason: "the database has no migrations applied" };
    return { status: "unavailable", database, reason: "the database is unreachable" };
  }
  const pending = (await shippedMigrations()).filter((name) => !applied.includes(name));
  if (pending.length) return { status: "unavailable", database, migrations: "pending", reason: `pending migrations: ${pending.join(", ")}` };
  return { status: "ok", database, migrations: "up-to-date" };
}
