import type { Privilege, ProviderKind } from "./privilege-grammar";

/** How Baton reaches a provider as its admin; `password` is opened from the sealed column only for the call. */
export interface ProviderConnection {
  host: string;
  port: number;
  user: string;
  password: string | null;
  /** PostgreSQL and MariaDB: the database the principals' grants are in (and that they connect to). */
  database?: string;
  /** RabbitMQ: the management HTTP API's base URL, e.g. `http://127.0.0.1:15672`. */
  managementUrl?: string;
}

export interface PrincipalToMint {
  username: string;
  password: string;
  privileges: Privilege[];
  /** The grant's end: where the system can enforce it itself (PostgreSQL `VALID UNTIL`), it does. */
  expiresAt: Date;
  /** Written on the principal where the system keeps one (a role comment, a user tag): `baton:<provider tag>`. */
  marker: string;
}

/** Where the agent connects with the minted principal (the password is its own). */
export interface ConnectionPoint {
  host: string;
  port: number;
  database?: string;
  vhost?: string;
}

/**
 * One kind of system Baton mints short-lived principals in. Implementations hold no state between calls
 * but an open admin connection (closed by `close`), quote every identifier and value with their driver's
 * own functions, and know nothing of grants: lib/credentials/issue-credential.ts, clean-up-credentials.ts
 * and reconcile-credentials.ts decide when to call them.
 *
 * - `check`: the admin connection works and may create principals.
 * - `issue`: creates the principal with exactly these privileges, all or nothing (inside one transaction
 *   where the system has them; otherwise it removes what it created before throwing).
 * - `revoke`: refuses new logins, terminates the principal's live sessions and removes it. Idempotent: a
 *   principal that is already gone is success.
 * - `list`: the principals whose names start with `prefix` (reconciliation removes those no live grant holds).
 * - `dryRun` (optional): applies the privileges to a throwaway principal inside a rolled-back transaction,
 *   so a scope naming a table that does not exist is refused on save.
 *
 * Connection failures throw `ProviderUnavailableError`; anything the target refuses throws `ProviderRefusedError`.
 */
export interface CredentialProviderDriver {
  readonly kind: ProviderKind;
  /** `issue` either creates everything or nothing (one transaction or one command). */
  readonly atomic: boolean;
  check(): Promise<void>;
  issue(principal: PrincipalToMint): Promise<ConnectionPoint>;
  revoke(username: string): Promise<void>;
  list(prefix: string): Promise<string[]>;
  dryRun?(privileges: Privilege[]): Promise<void>;
  close(): Promise<void>;
}

export class ProviderUnavailableError extends Error {
  override name = "ProviderUnavailableError";
}

export class ProviderRefusedError extends Error {
  override name = "ProviderRefusedError";
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EAI_AGAIN", "EPIPE", "PROTOCOL_CONNECTION_LOST"]);

/** Maps a driver error to one of the two kinds above, keeping only the message (never the statement, which may hold a password). */
export function classifyDriverError(error: unknown, provider: string): Error {
  if (error instanceof ProviderUnavailableError || error instanceof ProviderRefusedError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (
    (typeof code === "string" && CONNECTION_CODES.has(code)) ||
    /connect|timeout|timed out|socket|closed|ECONNREFUSED|terminat/i.test(message) ||
    (error instanceof AggregateError && error.errors.length > 0)
  )
    return new ProviderUnavailableError(`${provider} is unreachable: ${message || String(code)}`);
  return new ProviderRefusedError(`${provider} refused: ${message}`);
}
