import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createAdapter } from "@/lib/database/adapter";
import { databaseConfig } from "@/lib/database/config";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { diagnoseMigrations, diffMigrationsToSchema, listMigrations, openSchemaEngine } from "@/lib/database/migrations";
import { MIGRATIONS_DIR } from "@/lib/database/paths";

async function withScratchEngine<T>(run: (engine: Awaited<ReturnType<typeof openSchemaEngine>>) => Promise<T>): Promise<T> {
  const handle = createAdapter({ kind: "pglite", dataDir: `memory://scratch-${Math.random()}` }, { forMigrations: true });
  const engine = await openSchemaEngine(handle.factory);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await handle.close();
  }
}

describe("migrations", () => {
  it("records every migration in _prisma_migrations with Prisma's checksum, and re-applying is a no-op", async () => {
    const { migrationDirectories } = await listMigrations();
    const rows = await prisma.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationDirectories.map((d) => d.path));
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
    expect(await migrateDatabase(databaseConfig())).toEqual([]);
  });

  it("schema.prisma and the committed migrations agree (run `npm run db:diff -- --name <name>` if this fails)", async () => {
    const sql = await withScratchEngine((engine) => diffMigrationsToSchema(engine));
    expect(sql).toBeNull();
  });

  it("detects a migration edited after it was applied", async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "baton-migrations-"));
    fs.cpSync(MIGRATIONS_DIR, copy, { recursive: true });
    const [first] = (await listMigrations(copy)).migrationDirectories;
    fs.appendFileSync(path.join(copy, first!.path, "migration.sql"), "\n-- edited\n");
    const handle = createAdapter(databaseConfig(), { forMigrations: true });
    const engine = await openSchemaEngine(handle.factory);
    try {
      expect((await diagnoseMigrations(engine)).editedMigrationNames).toEqual([]);
      expect((await diagnoseMigrations(engine, copy)).editedMigrationNames).toEqual([first!.path]);
    } finally {
      engine.free();
      if (databaseConfig().kind === "postgresql") await handle.close();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it("no committed migration was ever changed after it was committed", () => {
    let tracked: string[];
    try {
      tracked = execFileSync("git", ["ls-files", "prisma/migrations"], { encoding: "utf8" })
        .split("\n")
        .filter((f) => f.endsWith("migration.sql"));
    } catch {
      console.warn("not a git checkout: skipping the migration history check");
      return;
    }
    for (const file of tracked) {
      const commits = execFileSync("git", ["log", "--format=%H", "--follow", "--", file], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
      expect(commits, `${file} was changed after it was committed; add a new migration instead`).toHaveLength(1);
      const dirty = execFileSync("git", ["status", "--porcelain", "--", file], { encoding: "utf8" }).trim();
      expect(dirty, `${file} has uncommitted edits; add a new migration instead`).toBe("");
    }
  });
});
