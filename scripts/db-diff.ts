// npm run db:diff -- --name <name>: writes the next migration from prisma/schema.prisma.
// The history is replayed into a throwaway in-memory database, so no server is needed.
import { parseArgs } from "node:util";
import { createAdapter } from "@/lib/database/adapter";
import { diffMigrationsToSchema, openSchemaEngine, writeMigration } from "@/lib/database/migrations";

const { values } = parseArgs({ options: { name: { type: "string" }, print: { type: "boolean", default: false } } });
if (!values.print && !values.name) {
  console.error("usage: npm run db:diff -- --name <migration_name>   (or --print to only show the SQL)");
  process.exit(1);
}

const handle = createAdapter({ kind: "pglite", dataDir: "memory://diff" }, { forMigrations: true });
const engine = await openSchemaEngine(handle.factory);
try {
  const sql = await diffMigrationsToSchema(engine);
  if (!sql) console.log("schema.prisma and prisma/migrations already agree; nothing written");
  else if (values.print) process.stdout.write(sql);
  else console.log(`wrote prisma/migrations/${await writeMigration(sql, values.name!)}/migration.sql`);
} finally {
  engine.free();
  await handle.close();
}
