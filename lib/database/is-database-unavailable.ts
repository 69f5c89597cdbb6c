/**
 * Prisma's codes for "no database to talk to in time": unreachable, timed out, connection closed, pool
 * exhausted, and P2028 — a transaction that could not start (every pooled connection busy) or outlived
 * its timeout; either way nothing was committed.
 */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "P2028"]);
/** What @prisma/adapter-pg reports when the connection, not the query, failed. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** PostgreSQL SQLSTATEs: class 08 (connection exception), 57P (shutting down, cannot connect now), 53300 (too many connections). */
const UNAVAILABLE_SQLSTATE = /^(08|57P|53300$)/;
/** node-postgres's own errors when the server goes away mid-query (or a pooled client is left broken); they reach us unconverted. */
const UNAVAILABLE_MESSAGE = /Connection terminated|connection error and is not queryable|connect ECONNREFUSED|Can't reach database server/i;

/**
 * True when an error means the database could not be reached (stopped, restarting, connections
 * exhausted, overloaded) rather than that the request was wrong: callers should get 503 and retry, never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, meta, message } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } }; message?: unknown };
  if (typeof code === "string" && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  const cause = meta?.driverAdapterError?.cause;
  if (cause?.kind && UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) return true;
  if (cause?.kind === "postgres" && typeof cause.code === "string" && UNAVAILABLE_SQLSTATE.test(cause.code)) return true;
  return typeof message === "string" && UNAVAILABLE_MESSAGE.test(message);
}
