import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { closePGlite, openPGlite } from "./pglite";
import type { DatabaseConfig } from "./config";

function poolConfig(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  // An object config, not a connection string: pg lets a URL override `database`, which would
  // point a shadow database connection back at the main database.
  return {
    host: decodeURIComponent(parsed.hostname),
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
    ssl: parsed.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    max: Number(parsed.searchParams.get("connection_limit") ?? 10),
  };
}

/** adapter-pg 7.10 cannot decode PostgreSQL's `"char"` (OID 18), which the schema engine's describer selects. */
function readCharAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pool = (adapter as SqlDriverAdapter & { underlyingDriver(): pg.Pool }).underlyingDriver();
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  return adapter;
}

function postgresFactory(url: string, forMigrations: boolean): SqlMigrationAwareDriverAdapterFactory {
  const config = poolConfig(url);
  const main = new PrismaPg(config);
  if (!forMigrations) return main;
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    connect: async () => readCharAsText(await main.connect()),
    // adapter-pg's own shadow database drops the database before closing its pool; ours closes first.
    async connectToShadowDb() {
      const admin = new pg.Client(config);
      await admin.connect();
      const name = `baton_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      const adapter = readCharAsText(await new PrismaPg({ ...config, database: name }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
      return adapter;
    },
  };
}

/** PGlite is opened on first connect, not at import: `next build` imports the database module. */
function pgliteFactory(open: () => PGlite): SqlMigrationAwareDriverAdapterFactory {
  let inner: PrismaPGlite | undefined;
  const get = () => (inner ??= new PrismaPGlite(open()));
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: () => get().connect(),
    connectToShadowDb: () => get().connectToShadowDb(),
  };
}

export interface AdapterHandle {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The PGlite instance, once opened (embedded database only). */
  pglite(): PGlite | undefined;
  close(): Promise<void>;
}

export function createAdapter(config: DatabaseConfig, options: { forMigrations?: boolean } = {}): AdapterHandle {
  if (config.kind === "postgresql")
    return { factory: postgresFactory(config.url, options.forMigrations ?? false), pglite: () => undefined, close: async () => {} };
  let instance: PGlite | undefined;
  const open = () => (instance = openPGlite(config.dataDir));
  return {
    factory: pgliteFactory(open),
    pglite: () => instance,
    close: () => closePGlite(config.dataDir),
  };
}
