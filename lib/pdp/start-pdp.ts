import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { z } from "zod";
import { systemClock } from "@/lib/kernel/clock";
import { createGrantIndex } from "@/lib/decisions/create-grant-index";
import { createPolicyIndex } from "@/lib/policy/create-policy-index";
import { createVerifiedTokenCache, type VerifiedTokenCache } from "@/lib/decisions/create-verified-token-cache";
import { decideAccess, type DecisionContext } from "@/lib/decisions/decide-access";
import { decisionQuestionBody, type DecisionDto } from "@/lib/decisions/schemas";
import { AppError } from "@/lib/kernel/errors";
import { introspectBody } from "@/lib/grant-tokens/schemas";
import { limitFailedAuthentication } from "@/lib/http/limit-failed-authentication";
import { fieldErrorsOf, problemResponse } from "@/lib/http/problem";
import { parseFormText, parseJsonText } from "@/lib/http/read-json-body";
import { parseBearerToken } from "@/lib/kernel/bearer-token";
import { introspectFromIndex } from "./introspect-from-index";
import { listenForChanges } from "./listen-for-changes";
import { createPdpCredentials } from "./pdp-credentials";
import { createPdpDecisionSource } from "./pdp-decision-source";

export const DEFAULT_MAX_STALENESS_MS = 2000;
const POOL_SIZE = 4;
const MAX_BODY_BYTES = 16 * 1024;
const CREDENTIAL_CHANGES = /^(signing_key\.|resource_server\.)/;
const UNAVAILABLE: DecisionDto = { allow: false, reason: "unavailable" };

export interface PdpOptions {
  databaseUrl: string;
  /** The `iss` of the grant tokens to accept: Baton's public URL. */
  issuer: string;
  port?: number;
  host?: string;
  /** Keep verified signatures until the token's expiry (grant state is consulted on every call regardless). */
  tokenCache?: boolean;
  /** Deny everything once the database has not been heard from for this long. */
  maxStalenessMs?: number;
  onError?: (error: unknown) => void;
}

export interface RunningPdp {
  url: string;
  close(): Promise<void>;
}

const noTokenCache: VerifiedTokenCache = { get: () => undefined, set: () => undefined };

/** `token` is only examined, never stored: a NUL in it makes it an unusable token (a deny), not a bad body. */
const EXAMINED_ONLY = ["token"] as const;

function readBody(request: http.IncomingMessage, acceptsForm: boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("error", reject);
    request.on("end", () => {
      if (size > MAX_BODY_BYTES) return reject(new AppError("PAYLOAD_TOO_LARGE", `The body must be at most ${MAX_BODY_BYTES} bytes`));
      const body = Buffer.concat(chunks);
      // The app's own parsing: strict UTF-8, no repeated key or form field, nothing unstorable.
      try {
        resolve(
          acceptsForm && request.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")
            ? parseFormText(body, EXAMINED_ONLY)
            : parseJsonText(body, EXAMINED_ONLY),
        );
      } catch (error) {
        reject(error);
      }
    });
  });
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error);
  throw new AppError("BAD_REQUEST", errors.map((error) => `${error.field}: ${error.message}`).join("; "), { errors });
}

function sendJson(response: http.ServerResponse, status: number, data: unknown) {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify(data));
}

async function sendProblem(response: http.ServerResponse, error: unknown) {
  const problem = problemResponse(error);
  response.writeHead(problem.status, Object.fromEntries(problem.headers)).end(await problem.text());
}

/**
 * A standalone decision point: Baton's decision and introspection endpoints in a plain Node process,
 * with the same rules (lib/decisions, lib/grant-tokens) over its own grant index and change feed. It is
 * fail-closed on its own connection too: once the database has not been heard from within the staleness
 * bound, every answer is a deny until it has been again and the index has reloaded.
 */
export async function startPdp(options: PdpOptions): Promise<RunningPdp> {
  const maxStalenessMs = options.maxStalenessMs ?? DEFAULT_MAX_STALENESS_MS;
  const report = options.onError ?? ((error: unknown) => console.error("[baton pdp]", error instanceof Error ? error.message : error));
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: POOL_SIZE });
  pool.on("error", report);
  // Several heartbeats fit in the bound, so one slow answer does not make a healthy connection look stale.
  const changes = listenForChanges({ databaseUrl: options.databaseUrl, heartbeatMs: Math.min(500, maxStalenessMs / 4), onError: report });
  const credentials = createPdpCredentials(pool);
  const index = createGrantIndex({ source: createPdpDecisionSource(pool), changes, clock: systemClock, onError: report });
  const context: DecisionContext = {
    index,
    tokenCache: options.tokenCache === false ? noTokenCache : createVerifiedTokenCache(),
    findKey: credentials.findKey,
    clock: systemClock,
    policies: createPolicyIndex({ query: async (sql, params) => (await pool.query(sql, params)).rows, changes, onError: report }),
    onError: report,
  };

  const lagMs = () => Date.now() - changes.lastHeardAt();
  const isStale = () => !changes.isConnected() || lagMs() > maxStalenessMs;

  async function answer(request: http.IncomingMessage, response: http.ServerResponse) {
    const path = request.url?.split("?")[0];
    if (request.method === "GET" && path === "/healthz") {
      const status = isStale() ? "stale" : index.isCurrent() ? "ok" : "loading";
      return sendJson(response, status === "ok" ? 200 : 503, { status, lagMs: lagMs(), grants: index.grantCount() });
    }
    const isDecision = path === "/api/v1/decisions";
    if (!isDecision && path !== "/api/v1/introspect")
      throw new AppError("NOT_FOUND", "Only POST /api/v1/decisions, POST /api/v1/introspect and GET /healthz are served here");
    if (request.method !== "POST") throw new AppError("NOT_FOUND", `${path} takes POST`);
    const secret = parseBearerToken(request.headers.authorization);
    const audience = secret && secret.length <= 512 ? await credentials.audienceOf(secret, new Date()) : null;
    if (!audience) {
      limitFailedAuthentication(request.socket.remoteAddress ?? "unknown", secret);
      throw new AppError("UNAUTHENTICATED", "The credential is missing, invalid or revoked");
    }
    const issuer = options.issuer;
    if (isDecision) {
      const question = parseOrThrow(decisionQuestionBody, await readBody(request, false));
      return sendJson(response, 200, isStale() ? UNAVAILABLE : await decideAccess({ ...context, question, audience, issuer }));
    }
    const { token } = parseOrThrow(introspectBody, await readBody(request, true));
    sendJson(response, 200, isStale() ? { active: false } : await introspectFromIndex({ ...context, token, audience, issuer }));
  }

  const server = http.createServer((request, response) => {
    answer(request, response).catch((error: unknown) => sendProblem(response, error));
  });
  server.keepAliveTimeout = 65_000;

  await changes.subscribe({
    onChange: (change) => CREDENTIAL_CHANGES.test(change.action) && credentials.forget(),
    onResync: credentials.forget,
    onDisconnected: credentials.forget,
  });
  await index.start();
  await context.policies.start();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 7070, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      index.stop();
      context.policies.stop();
      await changes.stop();
      await pool.end();
    },
  };
}
