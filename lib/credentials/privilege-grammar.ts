/**
 * What a scope lets a minted principal do, one small grammar per provider kind. Each privilege is parsed
 * into a structure and re-emitted in a canonical text form; providers build statements from the
 * structure with their driver's quoting functions, never from the text an admin typed.
 *
 * - postgresql: `SELECT ON orders`, `INSERT, UPDATE ON billing.refunds`, `USAGE ON SCHEMA billing`
 * - mariadb:    `SELECT ON orders`, `INSERT, UPDATE ON shop.refunds`, `SELECT ON shop.*`
 * - redis:      an ACL rule: `~orders:* +get +scan`, `%R~cache:* +@read`, `&events:*`
 * - rabbitmq:   `vhost=/ configure=^$ write=^orders\. read=^orders\.`
 */
export const PROVIDER_KINDS = ["postgresql", "mariadb", "redis", "rabbitmq"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export class PrivilegeSyntaxError extends Error {
  override name = "PrivilegeSyntaxError";
}

const SQL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const TABLE_PRIVILEGES = {
  postgresql: ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"],
  mariadb: ["SELECT", "INSERT", "UPDATE", "DELETE", "EXECUTE", "SHOW VIEW"],
} as const;

export interface TableGrant {
  type: "table";
  privileges: string[];
  /** The schema (PostgreSQL) or database (MariaDB); null = the provider's database / public schema. */
  schema: string | null;
  /** `*` only for MariaDB: every table of the database. */
  table: string;
}
export interface SchemaUsage {
  type: "schema-usage";
  schema: string;
}
export interface RedisRule {
  type: "redis-acl";
  /** The rule's tokens, each passed to ACL SETUSER as its own argument. */
  tokens: string[];
}
export interface RabbitPermission {
  type: "rabbitmq";
  vhost: string;
  configure: string;
  write: string;
  read: string;
}
export type Privilege = TableGrant | SchemaUsage | RedisRule | RabbitPermission;

function parseTableGrant(kind: "postgresql" | "mariadb", text: string): TableGrant | SchemaUsage {
  const match = /^\s*(.+?)\s+ON\s+(.+?)\s*$/i.exec(text);
  if (!match) throw new PrivilegeSyntaxError(`"${text}": expected "<privileges> ON <table>", e.g. "SELECT ON orders"`);
  const [, list, target] = match as unknown as [string, string, string];
  const schemaMatch = /^SCHEMA\s+(\S+)$/i.exec(target);
  if (schemaMatch) {
    if (kind !== "postgresql" || list.trim().toUpperCase() !== "USAGE")
      throw new PrivilegeSyntaxError(`"${text}": only "USAGE ON SCHEMA <schema>" (PostgreSQL) names a schema`);
    const schema = schemaMatch[1]!;
    if (!SQL_IDENTIFIER.test(schema)) throw new PrivilegeSyntaxError(`"${text}": ${schema} is not a plain identifier`);
    return { type: "schema-usage", schema };
  }
  const allowed: readonly string[] = TABLE_PRIVILEGES[kind];
  const privileges = list.split(",").map((p) => p.trim().replace(/\s+/g, " ").toUpperCase());
  for (const privilege of privileges)
    if (!allowed.includes(privilege)) throw new PrivilegeSyntaxError(`"${text}": ${privilege || "an empty privilege"} is not one of ${allowed.join(", ")}`);
  const parts = target.split(".");
  if (parts.length > 2) throw new PrivilegeSyntaxError(`"${text}": write the table as <table> or <${kind === "postgresql" ? "schema" : "database"}>.<table>`);
  const table = parts.at(-1)!;
  const schema = parts.length === 2 ? parts[0]! : null;
  if (schema !== null && !SQL_IDENTIFIER.test(schema)) throw new PrivilegeSyntaxError(`"${text}": ${schema} is not a plain identifier`);
  if (!(SQL_IDENTIFIER.test(table) || (kind === "mariadb" && table === "*")))
    throw new PrivilegeSyntaxError(`"${text}": ${table} is not a plain identifier (letters, digits, _ and $)`);
  return { type: "table", privileges: [...new Set(privileges)], schema, table };
}

const REDIS_TOKEN =
  /^(?:[~&][\x21-\x7e]{1,200}|%(?:R|W|RW)~[\x21-\x7e]{1,200}|[+-]@?[a-z][a-z0-9|_-]{0,60}|allkeys|allchannels|allcommands|resetkeys|resetchannels)$/;

function parseRedisRule(text: string): RedisRule {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) throw new PrivilegeSyntaxError("an empty Redis ACL rule");
  for (const token of tokens)
    if (!REDIS_TOKEN.test(token))
      throw new PrivilegeSyntaxError(`"${token}" is not a Redis ACL rule Baton passes on (~pattern, %R~pattern, &channel, +command, -command, +@category)`);
  return { type: "redis-acl", tokens };
}

function parseRabbitPermission(text: string): RabbitPermission {
  const fields: Record<string, string> = {};
  for (const part of text.trim().split(/\s+/)) {
    const eq = part.indexOf("=");
    const key = eq > 0 ? part.slice(0, eq).toLowerCase() : "";
    if (!["vhost", "configure", "write", "read"].includes(key)) throw new PrivilegeSyntaxError(`"${part}": expected vhost=…, configure=…, write=… or read=…`);
    if (key in fields) throw new PrivilegeSyntaxError(`"${text}": ${key} given twice`);
    fields[key] = part.slice(eq + 1);
  }
  if (!fields.vhost) throw new PrivilegeSyntaxError(`"${text}": name the vhost (vhost=/)`);
  for (const key of ["configure", "write", "read"]) {
    fields[key] ??= "^$";
    try {
      new RegExp(fields[key]);
    } catch {
      throw new PrivilegeSyntaxError(`"${text}": ${key}=${fields[key]} is not a regular expression`);
    }
  }
  return { type: "rabbitmq", vhost: fields.vhost, configure: fields.configure!, write: fields.write!, read: fields.read! };
}

export function parsePrivilege(kind: ProviderKind, text: string): Privilege {
  if (text.length > 500) throw new PrivilegeSyntaxError("a privilege is at most 500 characters");
  if (/[\x00-\x1f\x7f]/.test(text)) throw new PrivilegeSyntaxError("a privilege holds no control characters");
  switch (kind) {
    case "postgresql":
    case "mariadb":
      return parseTableGrant(kind, text);
    case "redis":
      return parseRedisRule(text);
    case "rabbitmq":
      return parseRabbitPermission(text);
  }
}

/** The canonical text of a parsed privilege: what is stored, shown and audited. */
export function formatPrivilege(privilege: Privilege): string {
  switch (privilege.type) {
    case "table":
      return `${privilege.privileges.join(", ")} ON ${privilege.schema ? `${privilege.schema}.` : ""}${privilege.table}`;
    case "schema-usage":
      return `USAGE ON SCHEMA ${privilege.schema}`;
    case "redis-acl":
      return privilege.tokens.join(" ");
    case "rabbitmq":
      return `vhost=${privilege.vhost} configure=${privilege.configure} write=${privilege.write} read=${privilege.read}`;
  }
}

/** Parses every privilege; the first that fails is reported with its index. */
export function parsePrivileges(kind: ProviderKind, texts: string[]): { parsed: Privilege[]; canonical: string[] } {
  const parsed = texts.map((text, index) => {
    try {
      return parsePrivilege(kind, text);
    } catch (error) {
      if (error instanceof PrivilegeSyntaxError) throw new PrivilegeSyntaxError(`privileges.${index}: ${error.message}`);
      throw error;
    }
  });
  return { parsed, canonical: parsed.map(formatPrivilege) };
}
