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
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|connect ECONNREFUSED|Can't reach database server|terminating connection due to administrator command/i;
/** How far down a chain of `cause`s to look; the adapters nest two or three levels at most. */
const MAX_CAUSE_DEPTH = 5;

type ErrorShape = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

function describesUnavailable(error: ErrorShape): boolean {
  const { code, kind, originalCode, message } = error;
  if (typeof code === "string" && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof originalCode === "string" && UNAVAILABLE_SQLSTATE.test(originalCode)) return true;
  if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
  return typeof message === "string" && UNAVAILABLE_MESSAGE.test(message);
}

/**
 * True when an error means the database could not be reached (stopped, restarting, connections
 * exhausted, overloaded) rather than that the request was wrong: callers should get 503 and retry, never 500.
 *
 * The same failure arrives in several wrappings — a Prisma known-request error carrying the adapter's
 * error in `meta`, a bare `DriverAdapterError` (raw queries) whose `cause` holds the SQLSTATE, or
 * node-postgres's own error — so every level of the chain is examined.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let depth = 0; pending.length > 0 && depth < MAX_CAUSE_DEPTH * 2; depth++) {
    const current = pending.shift();
    if (!current || typeof current !== "object") continue;
    const shape = current as ErrorShape;
    if (describesUnavailable(shape)) return true;
    if (shape.meta && typeof shape.meta === "object") pending.push(shape.meta.driverAdapterError);
    pending.push(shape.cause);
  }
  return false;
}
