import { z } from "zod";
import { idOf } from "@/lib/kernel/common-schemas";
import type { BearerPrincipal } from "@/lib/auth/authenticate-bearer";
import type { Clock } from "@/lib/kernel/clock";
import { AppError } from "@/lib/kernel/errors";
import { issueGrantToken } from "./issue-grant-token";
import { type exchangedTokenSchema, tokenExchangeBody } from "./schemas";
import { JWT_BEARER_GRANT_TYPE } from "@/lib/workload-identity/workload-token-format";
import { ACCESS_TOKEN_TYPE, OAuthError, TOKEN_EXCHANGE_GRANT_TYPE } from "./token-exchange-format";

type ExchangedToken = z.infer<typeof exchangedTokenSchema>;

const grantIdSchema = idOf("grt");
const NO_SUCH_GRANT = "subject_token names no grant of this agent";

/**
 * RFC 8693 token exchange: the agent (actor, proven by its key) names one of its grants (subject) and a
 * resource server (audience), and gets the same grant token POST /api/v1/grants/{id}/token gives.
 * `authenticate` is called with the agent key from `actor_token` or, when absent, from the Authorization
 * header; every failure is an OAuthError in RFC 6749 form.
 */
export async function exchangeGrantToken(options: {
  form: unknown;
  authorizationPresent: boolean;
  authenticate: (actorToken: string | null) => Promise<BearerPrincipal>;
  issuer: string;
  clock: Clock;
}): Promise<ExchangedToken> {
  const form = (typeof options.form === "object" && options.form !== null ? options.form : {}) as Record<string, unknown>;
  if (form.grant_type === undefined) throw new OAuthError("invalid_request", "grant_type is required");
  if (form.grant_type !== TOKEN_EXCHANGE_GRANT_TYPE)
    throw new OAuthError("unsupported_grant_type", `Only ${TOKEN_EXCHANGE_GRANT_TYPE} and ${JWT_BEARER_GRANT_TYPE} are supported`);

  const parsed = tokenExchangeBody.safeParse(form);
  if (!parsed.success) {
    throw new OAuthError("invalid_request", parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "));
  }
  const body = parsed.data;
  if (body.actor_token !== undefined && body.actor_token_type === undefined)
    throw new OAuthError("invalid_request", "actor_token_type is required with actor_token");
  if (body.actor_token !== undefined && options.authorizationPresent)
    throw new OAuthError("invalid_request", "Send the agent key either as actor_token or in Authorization, not both");
  if (body.audience !== undefined && body.resource !== undefined && body.audience !== body.resource)
    throw new OAuthError("invalid_target", "audience and resource name different resource servers; a token is for one");
  const audience = body.audience ?? body.resource;
  if (audience === undefined) throw new OAuthError("invalid_request", "audience (or resource) is required: the resource server the token is for");

  const agent = await asOAuthFailure(() => options.authenticate(body.actor_token ?? null));
  if (agent.kind !== "agent") throw new OAuthError("invalid_client", "The actor must be an agent, authenticated with its agent key");

  // Any subject token that is not a grant id (a JWT, garbage) names no grant, and never reaches a query.
  if (!grantIdSchema.safeParse(body.subject_token).success) throw new OAuthError("invalid_grant", NO_SUCH_GRANT);
  const scopes = body.scope?.split(" ").filter(Boolean);
  const issued = await asOAuthFailure(() =>
    issueGrantToken({ principal: agent, grantId: body.subject_token, audience, scopes, issuer: options.issuer, clock: options.clock }),
  );
  return { ...issued, issued_token_type: ACCESS_TOKEN_TYPE };
}

/** Baton's typed errors in the token endpoint's vocabulary. */
async function asOAuthFailure<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const retryAfter: Record<string, string> = error.details.retryAfterSeconds ? { "Retry-After": String(error.details.retryAfterSeconds) } : {};
    switch (error.code) {
      case "UNAUTHENTICATED":
        throw new OAuthError("invalid_client", "The agent key is missing, invalid, expired or revoked", 401, { "WWW-Authenticate": 'Bearer realm="baton"' });
      case "RATE_LIMITED":
        throw new OAuthError("invalid_client", error.message, 429, retryAfter);
      case "NOT_FOUND":
        throw new OAuthError("invalid_grant", NO_SUCH_GRANT);
      case "CONFLICT":
        throw new OAuthError("invalid_grant", error.message);
      case "FORBIDDEN":
        throw new OAuthError(error.details.errors?.[0]?.field === "scope" ? "invalid_scope" : "invalid_target", error.message);
      default:
        throw new OAuthError("invalid_request", error.message, error.status);
    }
  }
}
