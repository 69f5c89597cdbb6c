import { z } from "zod";
import { authenticateBearer, invalidCredential, type ApiPrincipal } from "@/lib/auth/authenticate-bearer";
import { recordRefusedAuthentication } from "@/lib/auth/record-refused-authentication";
import { systemClock, type Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { clientAddress } from "./client-address";
import { fieldErrorsOf, problemResponse } from "./problem";
import { hit, rateLimited, type Limit } from "./rate-limiter";
import { readJsonBody } from "./read-json-body";

export type AgentPrincipal = Extract<ApiPrincipal, { kind: "agent" }>;
export type AdminPrincipal = Extract<ApiPrincipal, { kind: "user" }>;

type CallerOf<C extends "agent" | "admin"> = C extends "agent" ? AgentPrincipal : AdminPrincipal;

export interface RouteContext<C extends "agent" | "admin", B, Q, P> {
  caller: CallerOf<C>;
  body: B;
  query: Q;
  params: P;
  request: Request;
  clock: Clock;
}

const FAILED_AUTH_PER_ADDRESS: Limit = { max: 20, windowMs: 60_000 };
const FAILED_AUTH_PER_PREFIX: Limit = { max: 10, windowMs: 60_000 };

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match ? match[1]! : null;
}

/**
 * Valid credentials always pass, so an attacker sharing an address or guessing a key's prefix cannot
 * lock its owner out; failures beyond the limits get 429 and are no longer audited one by one.
 */
async function authenticate(request: Request, clock: Clock): Promise<ApiPrincipal> {
  const address = clientAddress(request);
  const token = bearerToken(request);
  try {
    if (!token || token.length > 512) throw invalidCredential();
    return await authenticateBearer({ token, clock });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "UNAUTHENTICATED") throw error;
    const byAddress = hit(`auth-fail:addr:${address}`, FAILED_AUTH_PER_ADDRESS);
    const byPrefix = token ? hit(`auth-fail:prefix:${token.slice(0, 18)}`, FAILED_AUTH_PER_PREFIX) : byAddress;
    if (!byAddress.allowed || !byPrefix.allowed) throw rateLimited("Too many failed authentications", Math.max(byAddress.retryAfterSeconds, byPrefix.retryAfterSeconds));
    await recordRefusedAuthentication({ token, clientAddress: address, at: clock.now() });
    throw error;
  }
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error, prefix === "body" ? undefined : prefix);
  throw new AppError("BAD_REQUEST", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { errors });
}

/**
 * The one wrapper for /api/v1 handlers: authenticate (agent key or admin token) → check the kind of
 * caller → parse params, query and body with zod → handler → errors mapped to problem+json.
 * Agent keys on admin routes and people on agent routes get 403.
 */
export function apiRoute<C extends "agent" | "admin", B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodObject, P extends z.ZodType = z.ZodObject>(
  spec: { caller: C; body?: B; query?: Q; params?: P },
  handler: (context: RouteContext<C, z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<Response>,
) {
  return async (request: Request, routeContext: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const clock = systemClock;
    try {
      const principal = await authenticate(request, clock);
      if (spec.caller === "agent" && principal.kind !== "agent") throw new AppError("FORBIDDEN", "This route is for agents; use an agent key");
      if (spec.caller === "admin" && (principal.kind !== "user" || principal.role !== "ADMIN"))
        throw new AppError("FORBIDDEN", principal.kind === "agent" ? "This route is for administrators; agent keys cannot use it" : "This route needs the admin role");
      const params = parseOrThrow(spec.params ?? z.object({}).passthrough(), (await routeContext.params) ?? {}, "path");
      const query = parseOrThrow(spec.query ?? z.object({}).passthrough(), Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = spec.body ? parseOrThrow(spec.body, await readJsonBody(request), "body") : undefined;
      return await handler({ caller: principal as CallerOf<C>, body, query, params, request, clock } as RouteContext<C, z.infer<B>, z.infer<Q>, z.infer<P>>);
    } catch (error) {
      return problemResponse(error);
    }
  };
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
