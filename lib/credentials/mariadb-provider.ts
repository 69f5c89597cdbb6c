import mysql from "mysql2/promise";
import { format } from "mysql2";
import { classifyDriverError, type CredentialProviderDriver, type PrincipalToMint, type ProviderConnection } from "./provider";
import type { Privilege } from "./privilege-grammar";

const MAX_USER_CONNECTIONS = 10;
const escapeId = (name: string) => mysql.escapeId(name, true);

function grantStatements(privileges: Privilege[], username: string, database: string): string[] {
  return privileges.flatMap((privilege) => {
    if (privilege.type !== "table") return [];
    const table = privilege.table === "*" ? "*" : escapeId(privilege.table);
    return [format(`GRANT ${privilege.privileges.join(", ")} ON ${escapeId(privilege.schema ?? database)}.${table} TO ?@'%'`, [username])];
  });
}

/** MariaDB: `CREATE USER … WITH MAX_USER_CONNECTIONS` and its grants; on any failure the user is dropped again. */
export function mariadbProvider(connection: ProviderConnection, name: string): CredentialProviderDriver {
  const database = connection.database ?? "mysql";
  async function withConnection<T>(work: (conn: mysql.Connection) => Promise<T>): Promise<T> {
    let conn: mysql.Connection;
    try {
      conn = await mysql.createConnection({
        host: connection.host,
        port: connection.port,
        user: connection.user,
        password: connection.password ?? undefined,
        connectTimeout: 3000,
      });
    } catch (error) {
      throw classifyDriverError(error, name);
    }
    conn.on("error", () => {});
    try {
      return await work(conn);
    } catch (error) {
      throw classifyDriverError(error, name);
    } finally {
      await conn.end().catch(() => {});
    }
  }

  async function drop(conn: mysql.Connection, username: string) {
    const [users] = await conn.query<mysql.RowDataPacket[]>("SELECT 1 FROM mysql.user WHERE User = ? AND Host = '%'", [username]);
    if (users.length === 0) return;
    await conn.query(format("ALTER USER ?@'%' ACCOUNT LOCK", [username]));
    const [sessions] = await conn.query<mysql.RowDataPacket[]>("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ? AND ID <> CONNECTION_ID()", [
      username,
    ]);
    for (const session of sessions) await conn.query("KILL CONNECTION ?", [Number(session.ID)]).catch(() => {});
    await conn.query(format("DROP USER IF EXISTS ?@'%'", [username]));
  }

  return {
    kind: "mariadb",
    atomic: false,
    async check() {
      await withConnection(async (conn) => {
        const [rows] = await conn.query<mysql.RowDataPacket[]>(
          "SELECT Create_user_priv AS ok FROM mysql.user WHERE User = CURRENT_USER() OR CONCAT(User, '@', Host) = CURRENT_USER()",
        );
        if (rows.length > 0 && rows.every((row) => row.ok !== "Y")) throw new Error(`the user ${connection.user} may not create users (CREATE USER)`);
      });
    },
    async issue(principal: PrincipalToMint) {
      await withConnection(async (conn) => {
        await conn.query(
          format(`CREATE USER ?@'%' IDENTIFIED BY ? WITH MAX_USER_CONNECTIONS ${MAX_USER_CONNECTIONS}`, [principal.username, principal.password]),
        );
        try {
          for (const statement of grantStatements(principal.privileges, principal.username, database)) await conn.query(statement);
        } catch (error) {
          await drop(conn, principal.username).catch(() => {});
          throw error;
        }
      });
      return { host: connection.host, port: connection.port, database };
    },
    async revoke(username) {
      await withConnection((conn) => drop(conn, username));
    },
    async list(prefix) {
      return withConnection(async (conn) => {
        const [rows] = await conn.query<mysql.RowDataPacket[]>("SELECT User FROM mysql.user WHERE Host = '%' AND LEFT(User, CHAR_LENGTH(?)) = ?", [
          prefix,
          prefix,
        ]);
        return rows.map((row) => String(row.User));
      });
    },
    async close() {},
  };
}
