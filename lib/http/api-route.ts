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
export type ResourceServerPrincipal = Extract<ApiPrincipal, { kind: "resource-server" }>;

/** Who may call a route: agents (agent key), admins (personal token of an admin), resource servers (their secret). */
export type ApiCaller = "agent" | "admin" | "resource-server";

type CallerOf<C extends ApiCaller> = C extends "agent" ? AgentPrincipal : C extends "admin" ? AdminPrincipal : ResourceServerPrincipal;

export interface RouteContext<C extends ApiCaller, B, Q, P> {
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

const ROUTE_IS_FOR: Record<ApiCaller, string> = {
  agent: "agents (agent key)",
  admin: "administrators (an admin's personal token)",
  "resource-server": "resource servers (their batonrs_ secret)",
};

function callerKindOf(principal: ApiPrincipal): ApiCaller | "non-admin" {
  if (principal.kind === "user") return principal.role === "ADMIN" ? "admin" : "non-admin";
  return principal.kind;
}

/** Each kind of credential reaches only the routes made for it: the wrong kind is a 403, never a partial answer. */
function refuseWrongCaller(allowed: readonly ApiCaller[], principal: ApiPrincipal): void {
  const kind = callerKindOf(principal);
  if ((allowed as readonly string[]).includes(kind)) return;
  if (kind === "non-admin" && allowed.includes("admin")) throw new AppError("FORBIDDEN", "This route needs the admin role");
  throw new AppError("FORBIDDEN", `This route is for ${allowed.map((caller) => ROUTE_IS_FOR[caller]).join(" or ")}`);
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error, prefix === "body" ? undefined : prefix);
  throw new AppError("BAD_REQUEST", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { errors });
}

/**
 * The one wrapper for /api/v1 handlers: authenticate (agent key, admin token or resource-server secret)
 * → check the kind of caller → parse params, query and body with zod → handler → errors mapped to
 * problem+json. A credential of the wrong kind for the route gets 403. `acceptsForm` also takes an
 * `application/x-www-form-urlencoded` body (OAuth endpoints such as introspection are called that way).
 */
export function apiRoute<C extends ApiCaller, B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodObject, P extends z.ZodType = z.ZodObject>(
  spec: { caller: C | readonly C[]; body?: B; acceptsForm?: boolean; query?: Q; params?: P },
  handler: (context: RouteContext<C, z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<Response>,
) {
  return async (request: Request, routeContext: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const clock = systemClock;
    try {
      const principal = await authenticate(request, clock);
      refuseWrongCaller(typeof spec.caller === "string" ? [spec.caller] : spec.caller, principal);
      const params = parseOrThrow(spec.params ?? z.object({}).passthrough(), (await routeContext.params) ?? {}, "path");
      const query = parseOrThrow(spec.query ?? z.object({}).passthrough(), Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = spec.body ? parseOrThrow(spec.body, await readJsonBody(request, { acceptsForm: spec.acceptsForm }), "body") : undefined;
      return await handler({ caller: principal as CallerOf<C>, body, query, params, request, clock } as RouteContext<C, z.infer<B>, z.infer<Q>, z.infer<P>>);
    } catch (error) {
      return problemResponse(error);
    }
  };
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
