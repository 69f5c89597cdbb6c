// Records every row a test's calls insert, update or delete, with AFTER triggers on every table: exact
// (a rolled-back change leaves no trace), cheap when nothing changed, and it names the rows that did.
import { prisma } from "@/lib/db";

export interface RowChange {
  table: string;
  op: "INSERT" | "UPDATE" | "DELETE";
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const LOG = "_test_row_change";

/** Installs the triggers on every table that exists now (run it after migrations). */
export async function startChangeLog(): Promise<void> {
  await prisma.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS "${LOG}" (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, before jsonb, after jsonb)`,
  );
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION "${LOG}_record"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "${LOG}" (tbl, op, before, after)
      VALUES (TG_TABLE_NAME, TG_OP, CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END, CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
      RETURN NULL;
    END $$`);
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('${LOG}', '_prisma_migrations')`,
  );
  for (const { name } of tables)
    await prisma.$executeRawUnsafe(
      `CREATE OR REPLACE TRIGGER "${LOG}" AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION "${LOG}_record"()`,
    );
  await takeChanges();
}

/** The changes committed since the last call, oldest first; the log is emptied. */
export async function takeChanges(): Promise<RowChange[]> {
  const rows = await prisma.$queryRawUnsafe<{ id: bigint; tbl: string; op: RowChange["op"]; before: RowChange["before"]; after: RowChange["after"] }[]>(
    `DELETE FROM "${LOG}" RETURNING id, tbl, op, before, after`,
  );
  return rows.sort((a, b) => Number(a.id - b.id)).map((row) => ({ table: row.tbl, op: row.op, before: row.before, after: row.after }));
}
