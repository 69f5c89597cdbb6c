// The real servers the credential providers are tested against (PostgreSQL, MariaDB, Redis, RabbitMQ on
// loopback), each as a target: a private database, key space or vhost per test file, a privilege that
// grants one thing, and probes for "the granted thing works", "anything else fails", "a session stays
// open", "a new login works". Locally a missing server skips its tests, saying so; with CI=true they run (and fail).
import net from "node:net";
import { randomBytes } from "node:crypto";
import amqp from "amqplib";
import mysql from "mysql2/promise";
import pg from "pg";
import { createClient } from "redis";
import type { ProviderKind } from "@/lib/credentials/privilege-grammar";

export interface IssuedCredential {
  username: string;
  password: string;
  host: string;
  port: number;
  database?: string;
  vhost?: string;
}

export interface Session {
  /** Runs the granted operation on the open session; false once the session was cut. */
  alive(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CredentialTarget {
  kind: ProviderKind;
  /** The provider's admin connection (API body). */
  connection: Record<string, unknown>;
  /** What the scope grants: read `orders` only. */
  privileges: string[];
  /** The granted operation succeeds. */
  allowed(credential: IssuedCredential): Promise<void>;
  /** Each of these must fail: writing orders, reading another table / key / queue. */
  forbidden(credential: IssuedCredential): Promise<Array<() => Promise<unknown>>>;
  openSession(credential: IssuedCredential): Promise<Session>;
  canLogIn(credential: IssuedCredential): Promise<boolean>;
  /** The principals named with this prefix on the server. */
  principals(prefix: string): Promise<string[]>;
  tearDown(prefix?: string): Promise<void>;
}

export const SERVERS: Record<ProviderKind, { ports: number[]; start: string }> = {
  postgresql: { ports: [5432], start: "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start" },
  mariadb: { ports: [3306], start: "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd" },
  redis: { ports: [6379], start: 'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no' },
  rabbitmq: { ports: [5672, 15672], start: "rabbitmq-server -detached && rabbitmq-plugins enable rabbitmq_management" },
};

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port, timeout: 500 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/** Whether the tests of this kind run: the server answers, or CI=true (where a missing server is a failure, not a skip). */
export async function serverAvailable(kind: ProviderKind): Promise<boolean> {
  const up = (await Promise.all(SERVERS[kind].ports.map(portOpen))).every(Boolean);
  if (!up && process.env.CI !== "true")
    console.warn(`Skipping the ${kind} credential tests: no ${kind} on 127.0.0.1:${SERVERS[kind].ports.join("/")} (start it with: ${SERVERS[kind].start})`);
  return up || process.env.CI === "true";
}

export const uniqueName = (label: string) => `baton_t_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;

async function throwsOrFalse(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch {
    return false;
  }
}

export async function postgresqlTarget(): Promise<CredentialTarget> {
  const database = uniqueName("pg");
  const admin = (db = "postgres") => new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database: db });
  const setup = admin();
  await setup.connect();
  await setup.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  await setup.end();
  const inDb = admin(database);
  await inDb.connect();
  await inDb.query("CREATE TABLE orders (id int PRIMARY KEY, item text); INSERT INTO orders VALUES (1, 'tea'); CREATE TABLE payroll (id int, amount int)");
  await inDb.end();
  const as = (c: IssuedCredential) =>
    new pg.Client({ host: c.host, port: c.port, user: c.username, password: c.password, database: c.database, connectionTimeoutMillis: 3000 });
  const run = async (c: IssuedCredential, sql: string) => {
    const client = as(c);
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    kind: "postgresql",
    connection: { host: "127.0.0.1", port: 5432, user: "postgres", database },
    privileges: ["SELECT ON orders"],
    async allowed(c) {
      const { rows } = await run(c, "SELECT item FROM orders");
      if (rows[0]?.item !== "tea") throw new Error("orders not readable");
    },
    async forbidden(c) {
      return [() => run(c, "INSERT INTO orders VALUES (2, 'coffee')"), () => run(c, "SELECT * FROM payroll"), () => run(c, "CREATE TABLE mine (id int)")];
    },
    async openSession(c) {
      const client = as(c);
      client.on("error", () => {});
      await client.connect();
      return { alive: () => throwsOrFalse(() => client.query("SELECT item FROM orders")), close: () => client.end().catch(() => {}) };
    },
    canLogIn: (c) => throwsOrFalse(() => run(c, "SELECT 1")),
    async principals(prefix) {
      const client = admin();
      await client.connect();
      const { rows } = await client.query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)", [prefix]);
      await client.end();
      return rows.map((row) => row.rolname);
    },
    async tearDown(prefix) {
      const client = admin();
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
      if (prefix) {
        const { rows } = await client.query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)", [prefix]);
        for (const row of rows) await client.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(row.rolname)}`).catch(() => {});
      }
      await client.end();
    },
  };
}

export async function mariadbTarget(): Promise<CredentialTarget> {
  const database = uniqueName("my");
  const admin = () => mysql.createConnection({ host: "127.0.0.1", port: 3306, user: "root", multipleStatements: true });
  const setup = await admin();
  await setup.query(
    `CREATE DATABASE ${mysql.escapeId(database)}; USE ${mysql.escapeId(database)}; CREATE TABLE orders (id int PRIMARY KEY, item text); INSERT INTO orders VALUES (1, 'tea'); CREATE TABLE payroll (id int, amount int);`,
  );
  await setup.end();
  const as = (c: IssuedCredential) =>
    mysql.createConnection({ host: c.host, port: c.port, user: c.username, password: c.password, database: c.database, connectTimeout: 3000 });
  const run = async (c: IssuedCredential, sql: string) => {
    const conn = await as(c);
    try {
      return await conn.query(sql);
    } finally {
      await conn.end().catch(() => {});
    }
  };
  return {
    kind: "mariadb",
    connection: { host: "127.0.0.1", port: 3306, user: "root", database },
    privileges: ["SELECT ON orders"],
    async allowed(c) {
      const [rows] = (await run(c, "SELECT item FROM orders")) as unknown as [{ item: string }[]];
      if (rows[0]?.item !== "tea") throw new Error("orders not readable");
    },
    async forbidden(c) {
      return [() => run(c, "INSERT INTO orders VALUES (2, 'coffee')"), () => run(c, "SELECT * FROM payroll"), () => run(c, "CREATE TABLE mine (id int)")];
    },
    async openSession(c) {
      const conn = await as(c);
      conn.on("error", () => {});
      return { alive: () => throwsOrFalse(() => conn.query("SELECT item FROM orders")), close: () => conn.end().catch(() => {}) };
    },
    canLogIn: (c) => throwsOrFalse(() => run(c, "SELECT 1")),
    async principals(prefix) {
      const conn = await admin();
      const [rows] = await conn.query<mysql.RowDataPacket[]>("SELECT User FROM mysql.user WHERE LEFT(User, CHAR_LENGTH(?)) = ?", [prefix, prefix]);
      await conn.end();
      return rows.map((row) => String(row.User));
    },
    async tearDown(prefix) {
      const conn = await admin();
      await conn.query(`DROP DATABASE IF EXISTS ${mysql.escapeId(database)}`);
      if (prefix) {
        const [rows] = await conn.query<mysql.RowDataPacket[]>("SELECT User, Host FROM mysql.user WHERE LEFT(User, CHAR_LENGTH(?)) = ?", [prefix, prefix]);
        for (const row of rows) await conn.query("DROP USER IF EXISTS ?@?", [row.User, row.Host]).catch(() => {});
      }
      await conn.end();
    },
  };
}

export async function redisTarget(): Promise<CredentialTarget> {
  const ns = uniqueName("rd");
  const admin = createClient({ socket: { host: "127.0.0.1", port: 6379, reconnectStrategy: false } });
  admin.on("error", () => {});
  await admin.connect();
  await admin.set(`${ns}:orders:1`, "tea");
  await admin.set(`${ns}:payroll:1`, "100");
  const as = async (c: IssuedCredential) => {
    const client = createClient({
      socket: { host: c.host, port: c.port, reconnectStrategy: false, connectTimeout: 3000 },
      username: c.username,
      password: c.password,
    });
    client.on("error", () => {});
    await client.connect();
    return client;
  };
  const run = async <T>(c: IssuedCredential, work: (client: Awaited<ReturnType<typeof as>>) => Promise<T>) => {
    const client = await as(c);
    try {
      return await work(client);
    } finally {
      client.destroy();
    }
  };
  return {
    kind: "redis",
    connection: { host: "127.0.0.1", port: 6379 },
    privileges: [`~${ns}:orders:* +get +scan`],
    async allowed(c) {
      if ((await run(c, (client) => client.get(`${ns}:orders:1`))) !== "tea") throw new Error("orders not readable");
    },
    async forbidden(c) {
      return [
        () => run(c, (client) => client.set(`${ns}:orders:2`, "coffee")),
        () => run(c, (client) => client.get(`${ns}:payroll:1`)),
        () => run(c, (client) => client.flushAll()),
      ];
    },
    async openSession(c) {
      const client = await as(c);
      return {
        alive: () => throwsOrFalse(async () => client.get(`${ns}:orders:1`)),
        close: async () => {
          client.destroy();
        },
      };
    },
    canLogIn: (c) => throwsOrFalse(() => run(c, async () => undefined)),
    async principals(prefix) {
      return ((await admin.sendCommand(["ACL", "USERS"])) as string[]).filter((user) => user.startsWith(prefix));
    },
    async tearDown(prefix) {
      await admin.del([`${ns}:orders:1`, `${ns}:payroll:1`]);
      if (prefix)
        for (const user of ((await admin.sendCommand(["ACL", "USERS"])) as string[]).filter((u) => u.startsWith(prefix)))
          await admin.sendCommand(["ACL", "DELUSER", user]);
      admin.destroy();
    },
  };
}

export async function rabbitmqTarget(): Promise<CredentialTarget> {
  const vhost = uniqueName("mq");
  const management = "http://127.0.0.1:15672/api";
  const auth = { authorization: `Basic ${Buffer.from("guest:guest").toString("base64")}`, "content-type": "application/json" };
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${management}${path}`, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body) });
  await api("PUT", `/vhosts/${encodeURIComponent(vhost)}`);
  await api("PUT", `/permissions/${encodeURIComponent(vhost)}/guest`, { configure: ".*", write: ".*", read: ".*" });
  await api("PUT", `/queues/${encodeURIComponent(vhost)}/orders`, { durable: false });
  await api("PUT", `/queues/${encodeURIComponent(vhost)}/payroll`, { durable: false });
  const url = (c: IssuedCredential) =>
    `amqp://${encodeURIComponent(c.username)}:${encodeURIComponent(c.password)}@${c.host}:${c.port}/${encodeURIComponent(c.vhost ?? "/")}`;
  const run = async <T>(c: IssuedCredential, work: (channel: amqp.Channel) => Promise<T>) => {
    const connection = await amqp.connect(url(c));
    connection.on("error", () => {});
    try {
      const channel = await connection.createChannel();
      channel.on("error", () => {});
      return await work(channel);
    } finally {
      await connection.close().catch(() => {});
    }
  };
  const principals = async (prefix: string) => {
    const users = (await (await api("GET", "/users")).json()) as { name: string }[];
    return users.map((user) => user.name).filter((name) => name.startsWith(prefix));
  };
  return {
    kind: "rabbitmq",
    connection: { host: "127.0.0.1", port: 5672, user: "guest", password: "guest", managementUrl: "http://127.0.0.1:15672" },
    privileges: [`vhost=${vhost} configure=^$ write=^$ read=^orders$`],
    async allowed(c) {
      await run(c, (channel) => channel.get("orders"));
    },
    async forbidden(c) {
      return [() => run(c, (channel) => channel.get("payroll")), () => run(c, async (channel) => channel.assertQueue("mine", { durable: false }))];
    },
    async openSession(c) {
      const connection = await amqp.connect(url(c));
      let closed = false;
      connection.on("error", () => {});
      connection.on("close", () => (closed = true));
      const channel = await connection.createChannel();
      channel.on("error", () => {});
      return {
        alive: async () => !closed && (await throwsOrFalse(() => channel.checkQueue("orders"))),
        close: () => connection.close().catch(() => {}),
      };
    },
    canLogIn: (c) => throwsOrFalse(() => run(c, async () => undefined)),
    principals,
    async tearDown(prefix) {
      await api("DELETE", `/vhosts/${encodeURIComponent(vhost)}`);
      if (prefix) for (const name of await principals(prefix)) await api("DELETE", `/users/${encodeURIComponent(name)}`);
    },
  };
}

export const TARGETS: Record<ProviderKind, () => Promise<CredentialTarget>> = {
  postgresql: postgresqlTarget,
  mariadb: mariadbTarget,
  redis: redisTarget,
  rabbitmq: rabbitmqTarget,
};
