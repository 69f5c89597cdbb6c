import { z } from "zod";
import { authenticateBearer, invalidCredential, type BearerPrincipal } from "@/lib/auth/authenticate-bearer";
import { recordRefusedAuthentication } from "@/lib/auth/record-refused-authentication";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { AppError } from "@/lib/kernel/errors";
import { requireCallerKind, type CallerKind } from "@/lib/authorization/rules";
import type { AgentPrincipal, IntegrationPrincipal, PersonPrincipal, ResourceServerPrincipal } from "@/lib/kernel/principal";
import { parseBearerToken } from "@/lib/kernel/bearer-token";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { MAX_GRANT_TOKEN_LENGTH } from "@/lib/kernel/grant-token-format";
import { looksLikeJwt } from "@/lib/workload-identity/verify-agent-access-token";
import { apiResourceOf, mcpResourceOf } from "@/lib/workload-identity/workload-token-format";
import { clientAddress } from "./client-address";
import { fieldErrorsOf, problemResponse } from "./problem";
import { limitFailedAuthentication } from "./limit-failed-authentication";
import { readJsonBody } from "./read-json-body";
import { assertSameOrigin } from "./same-origin";

/** Who may call a route: one of the caller kinds the authorization rules know (lib/authorization/rules.ts). */
export type ApiCaller = CallerKind;

type CallerOf<C extends ApiCaller> = C extends "agent"
  ? AgentPrincipal
  : C extends "admin" | "commander"
    ? PersonPrincipal
    : C extends "integration"
      ? IntegrationPrincipal
      : ResourceServerPrincipal;

export interface RouteContext<C extends ApiCaller, B, Q, P, H = Record<string, never>> {
  caller: CallerOf<C>;
  body: B;
  query: Q;
  params: P;
  /** The request headers the route's spec declares, parsed. */
  headers: H;
  request: Request;
  clock: Clock;
}

export function bearerToken(request: Request): string | null {
  return parseBearerToken(request.headers.get("authorization"));
}

/**
 * Failures beyond the limits get 429 and are no longer audited one by one. The credential is the Bearer
 * token unless the caller passes one found elsewhere (an OAuth `actor_token`). Agent access tokens are
 * accepted when bound to `resource`: the agent API by default, the MCP server at /api/mcp.
 */
export async function authenticate(
  request: Request,
  clock: Clock,
  token: string | null = bearerToken(request),
  resource: "api" | "mcp" = "api",
): Promise<BearerPrincipal> {
  const address = clientAddress(request);
  try {
    if (!token || token.length > (looksLikeJwt(token) ? MAX_GRANT_TOKEN_LENGTH : 512)) throw invalidCredential();
    const issuer = tokenIssuer(request);
    return await authenticateBearer({ token, clock, resource: { issuer, audience: resource === "mcp" ? mcpResourceOf(issuer) : apiResourceOf(issuer) } });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "UNAUTHENTICATED") throw error;
    limitFailedAuthentication(address, token);
    await recordRefusedAuthentication({ token, clientAddress: address, at: clock.now() });
    throw error;
  }
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  let result: z.ZodSafeParseResult<z.infer<T>>;
  try {
    result = schema.safeParse(value);
  } catch {
    // zod's length checks can throw on an object posing as a string (a `length` that is itself an object
    // without a prototype): such a value is simply of the wrong type.
    throw new AppError("BAD_REQUEST", `${prefix}: a value has the wrong type`, { errors: [{ field: prefix, message: "has a value of the wrong type" }] });
  }
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error, prefix === "body" ? undefined : prefix);
  throw new AppError("BAD_REQUEST", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { errors });
}

/**
 * What apiRoute reads from a route's spec (an entry of ROUTES, looked up with `route()`). Routes whose
 * errors are RFC 6749 JSON (`oauthErrors`) cannot be wrapped: apiRoute answers problem+json.
 */
export interface ApiRouteSpec<C extends ApiCaller, B, Q, P, H> {
  caller: C | readonly C[];
  body?: B;
  acceptsForm?: boolean;
  examinedOnly?: readonly string[];
  query?: Q;
  params?: P;
  headers?: H;
  oauthErrors?: false;
  session?: boolean;
}

/**
 * A person signed in to the browser, for routes that also take a session (`session` in the spec): with no
 * Authorization header but a cookie. Exactly the rule of the browser's own endpoints (sessionRoute): any
 * method but GET must come from a Baton page, with a JSON body, so a cross-site form can never act.
 */
async function sessionPrincipal(request: Request): Promise<BearerPrincipal | null> {
  if (request.headers.get("authorization") !== null || !request.headers.get("cookie")) return null;
  if (request.method !== "GET" && request.method !== "HEAD") await assertSameOrigin();
  const { requireUser } = await import("@/lib/auth/current-user");
  return requireUser();
}

/**
 * The one wrapper for /api/v1 handlers: authenticate (agent key, personal token, resource-server secret or integration credential)
 * → check the kind of caller → parse params, query, headers and body with zod → handler → errors mapped to
 * problem+json. A credential of the wrong kind for the route gets 403. `acceptsForm` also takes an
 * `application/x-www-form-urlencoded` body (OAuth endpoints such as introspection are called that way).
 * `examinedOnly` body fields may hold any text, NUL included (see readJsonBody). `session` routes also take
 * an admin's browser session (see sessionPrincipal), so the pages call the same API as scripts do.
 */
export function apiRoute<
  C extends ApiCaller,
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodObject,
  P extends z.ZodType = z.ZodObject,
  H extends z.ZodType = z.ZodObject<Record<string, never>>,
>(spec: ApiRouteSpec<C, B, Q, P, H>, handler: (context: RouteContext<C, z.infer<B>, z.infer<Q>, z.infer<P>, z.infer<H>>) => Promise<Response>) {
  return async (request: Request, routeContext: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const clock = systemClock;
    try {
      const principal = (spec.session ? await sessionPrincipal(request) : null) ?? (await authenticate(request, clock));
      requireCallerKind(typeof spec.caller === "string" ? [spec.caller] : spec.caller, principal);
      const params = parseOrThrow(spec.params ?? z.object({}).passthrough(), (await routeContext.params) ?? {}, "path");
      const query = parseOrThrow(spec.query ?? z.object({}).passthrough(), Object.fromEntries(new URL(request.url).searchParams), "query");
      const headers = spec.headers ? parseOrThrow(spec.headers, Object.fromEntries(request.headers), "header") : {};
      const body = spec.body
        ? parseOrThrow(spec.body, await readJsonBody(request, { acceptsForm: spec.acceptsForm, examinedOnly: spec.examinedOnly }), "body")
        : undefined;
      return await handler({ caller: principal as CallerOf<C>, body, query, params, headers, request, clock } as RouteContext<
        C,
        z.infer<B>,
        z.infer<Q>,
        z.infer<P>,
        z.infer<H>
      >);
    } catch (error) {
      return problemResponse(error);
    }
  };
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
