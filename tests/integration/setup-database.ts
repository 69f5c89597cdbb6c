// Gives every integration test file its own fresh, migrated database: an embedded PGlite in a
// temporary directory, or — with BATON_TEST_DB=postgresql — a new database on TEST_DATABASE_URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

// The webhook tests' receivers listen on loopback, which Baton refuses by default.
process.env.BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "on";

const kind = process.env.BATON_TEST_DB === "postgresql" ? "postgresql" : "pglite";
let dropDatabase: (() => Promise<void>) | undefined;

if (kind === "postgresql") {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("BATON_TEST_DB=postgresql needs TEST_DATABASE_URL");
  const name = `baton_it_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
} else {
  delete process.env.DATABASE_URL;
  process.env.BATON_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "baton-it-"));
}

beforeAll(async () => {
  const { databaseConfig } = await import("@/lib/database/config");
  const { migrateDatabase } = await import("@/lib/database/migrate-database");
  await migrateDatabase(databaseConfig());
});

afterAll(async () => {
  const { disconnect } = await import("@/lib/db");
  await disconnect();
  await dropDatabase?.();
  if (kind === "pglite") fs.rmSync(process.env.BATON_DATA_DIR!, { recursive: true, force: true });
});

export const testDatabaseKind = kind;
