import pg from "pg";
import { classifyDriverError, type CredentialProviderDriver, type PrincipalToMint, type ProviderConnection } from "./provider";
import type { Privilege } from "./privilege-grammar";

const { escapeIdentifier: id, escapeLiteral: literal } = pg;

/**
 * Concurrent GRANTs on one object fail with "tuple concurrently updated" (they rewrite the same ACL row):
 * Baton's own changes to roles on this database take this transaction-scoped lock, one at a time.
 */
const LOCK = "SELECT pg_advisory_xact_lock(hashtext('baton-credentials'))";

function grantStatements(privileges: Privilege[], username: string): string[] {
  const statements: string[] = [];
  const schemas = new Set<string>();
  for (const privilege of privileges) {
    if (privilege.type === "schema-usage") schemas.add(privilege.schema);
    else if (privilege.type === "table") {
      if (privilege.schema) schemas.add(privilege.schema);
      const table = privilege.schema ? `${id(privilege.schema)}.${id(privilege.table)}` : id(privilege.table);
      statements.push(`GRANT ${privilege.privileges.join(", ")} ON TABLE ${table} TO ${id(username)}`);
    }
  }
  // A table in another schema is unreachable without USAGE on it.
  return [...[...schemas].map((schema) => `GRANT USAGE ON SCHEMA ${id(schema)} TO ${id(username)}`), ...statements];
}

/** PostgreSQL: a LOGIN role `VALID UNTIL` the grant's end, commented with Baton's marker, granted in one transaction. */
export function postgresqlProvider(connection: ProviderConnection, name: string): CredentialProviderDriver {
  const database = connection.database ?? "postgres";
  async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({
      host: connection.host,
      port: connection.port,
      user: connection.user,
      password: connection.password ?? undefined,
      database,
      connectionTimeoutMillis: 3000,
      application_name: "baton-credentials",
    });
    client.on("error", () => {});
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      throw classifyDriverError(error, name);
    }
    try {
      return await work(client);
    } catch (error) {
      throw classifyDriverError(error, name);
    } finally {
      await client.end().catch(() => {});
    }
  }

  return {
    kind: "postgresql",
    atomic: true,
    async check() {
      await withClient(async (client) => {
        const { rows } = await client.query<{ ok: boolean }>("SELECT rolcreaterole OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user");
        if (!rows[0]?.ok) throw new Error(`the user ${connection.user} may not create roles (CREATEROLE)`);
      });
    },
    async issue(principal: PrincipalToMint) {
      await withClient(async (client) => {
        await client.query("BEGIN");
        try {
          await client.query(LOCK);
          await client.query(
            `CREATE ROLE ${id(principal.username)} LOGIN PASSWORD ${literal(principal.password)} VALID UNTIL ${literal(principal.expiresAt.toISOString())}`,
          );
          await client.query(`COMMENT ON ROLE ${id(principal.username)} IS ${literal(principal.marker)}`);
          await client.query(`GRANT CONNECT ON DATABASE ${id(database)} TO ${id(principal.username)}`);
          for (const statement of grantStatements(principal.privileges, principal.username)) await client.query(statement);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        }
      });
      return { host: connection.host, port: connection.port, database };
    },
    async dryRun(privileges) {
      await withClient(async (client) => {
        await client.query("BEGIN");
        try {
          const probe = `baton_dry_run_${Math.random().toString(36).slice(2, 10)}`;
          await client.query(`CREATE ROLE ${id(probe)} NOLOGIN`);
          for (const statement of grantStatements(privileges, probe)) await client.query(statement);
        } finally {
          await client.query("ROLLBACK").catch(() => {});
        }
      });
    },
    async revoke(username) {
      await withClient(async (client) => {
        const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [username]);
        if (!rowCount) return;
        // New logins fail from here on; then the live sessions are cut; then the role goes.
        await client.query(`ALTER ROLE ${id(username)} NOLOGIN`);
        await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()", [username]);
        await client.query("BEGIN");
        try {
          await client.query(LOCK);
          await client.query(`DROP OWNED BY ${id(username)}`);
          await client.query(`DROP ROLE IF EXISTS ${id(username)}`);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        }
      });
    },
    async list(prefix) {
      return withClient(async (client) => {
        const { rows } = await client.query<{ rolname: string }>(
          "SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1) AND shobj_description(oid, 'pg_authid') LIKE 'baton:%'",
          [prefix],
        );
        return rows.map((row) => row.rolname);
      });
    },
    async close() {},
  };
}
