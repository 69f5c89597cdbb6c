import { z } from "zod";
import { policyExplanationSchema } from "@/lib/policy/schemas";
import { audienceSchema } from "@/lib/resource-servers/schemas";
import { MAX_GRANT_TOKEN_LENGTH } from "@/lib/kernel/grant-token-format";
import { constraintsSchema } from "@/lib/constraints/schemas";
import { ACCESS_TOKEN_TYPE, AGENT_KEY_TOKEN_TYPE, GRANT_ID_TOKEN_TYPE, JWT_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT_TYPE } from "./token-exchange-format";

export const issueTokenBody = z
  .strictObject({
    audience: audienceSchema.meta({
      description: "The resource server the token is for; the token carries only the grant's scopes that this resource server enforces",
    }),
  })
  .meta({ id: "IssueGrantToken" });

export const issuedTokenSchema = z
  .object({
    access_token: z.string().meta({ description: "An RFC 9068 JWT (typ at+jwt, EdDSA) for the resource server named in `audience`" }),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().meta({ description: "Seconds until it expires: at most 300, and never after the grant" }),
    scope: z.string().meta({ description: "The scopes in the token, space-separated" }),
  })
  .meta({ id: "IssuedGrantToken" });

export const introspectBody = z
  .strictObject({
    // RFC 7662: a token Baton cannot use, however long or malformed, is answered {"active": false}, not refused.
    token: z.string().meta({
      description: `The token to examine; anything that is not a live grant token for the caller (longer than ${MAX_GRANT_TOKEN_LENGTH} characters, malformed, forged, expired) is inactive`,
    }),
    token_type_hint: z.string().max(64).optional().meta({ description: "Accepted as RFC 7662 allows; Baton introspects only its grant tokens" }),
  })
  .meta({ id: "IntrospectionRequest" });

const activeIntrospection = z.object({
  active: z.literal(true),
  scope: z.string(),
  exp: z.number().int(),
  iat: z.number().int(),
  sub: z.string().meta({ description: "The agent id" }),
  sub_profile: z.literal("ai_agent").optional().meta({ description: "What kind of party the subject is (OAuth entity profiles): an AI agent" }),
  aud: z.string(),
  act: z
    .object({ sub: z.string(), sub_profile: z.literal("user").optional() })
    .optional()
    .meta({ description: "The person the agent acts for (RFC 8693), with sub_profile user" }),
  authorization_details: constraintsSchema
    .optional()
    .meta({ description: "RFC 9396: the grant's constraints (type baton_constraint); absent when the grant is unconstrained" }),
  grant_id: z.string(),
  client_id: z.string(),
  iss: z.string(),
  jti: z.string(),
  token_type: z.literal("Bearer"),
  baton_policies: z
    .array(policyExplanationSchema)
    .meta({ description: "The call policies that allow the token's listed scopes now, with their @reason (a Baton extension member, RFC 7662 §2.2)" }),
});

export const introspectionSchema = z
  .union([activeIntrospection, z.strictObject({ active: z.literal(false) })])
  .meta({ id: "Introspection", description: 'RFC 7662: the claims of a live token, or only {"active": false} for anything else' });

/**
 * RFC 8693 token exchange. Unknown parameters are ignored, as RFC 6749 §3.2 requires of a token endpoint;
 * `grant_type` is checked before this schema so that a wrong one answers `unsupported_grant_type`.
 */
export const tokenExchangeBody = z
  .object({
    grant_type: z.literal(TOKEN_EXCHANGE_GRANT_TYPE),
    subject_token: z.string().min(1).meta({ description: "The id of one of the agent's grants (grt_…); anything else is invalid_grant" }),
    subject_token_type: z.literal(GRANT_ID_TOKEN_TYPE, `must be ${GRANT_ID_TOKEN_TYPE}`),
    actor_token: z.string().min(1).max(512).optional().meta({ description: "The agent's API key; or send it as Authorization: Bearer instead" }),
    actor_token_type: z.literal(AGENT_KEY_TOKEN_TYPE, `must be ${AGENT_KEY_TOKEN_TYPE}`).optional().meta({ description: "Required with actor_token" }),
    audience: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "The resource server the token is for (its audience); one of audience or resource is required" }),
    resource: z.string().min(1).max(200).optional().meta({ description: "Accepted as a synonym of audience" }),
    scope: z.string().max(2000).optional().meta({ description: "Space-separated subset of the grant's scopes for that audience; default all of them" }),
    requested_token_type: z.enum([ACCESS_TOKEN_TYPE, JWT_TOKEN_TYPE]).optional(),
  })
  .meta({ id: "TokenExchangeRequest", description: "RFC 8693 token exchange, sent as application/x-www-form-urlencoded" });

export const exchangedTokenSchema = issuedTokenSchema
  .extend({ issued_token_type: z.literal(ACCESS_TOKEN_TYPE) })
  .meta({ id: "ExchangedToken", description: "RFC 8693 §2.2.1: the grant token, as from POST /api/v1/grants/{id}/token" });

export const oauthErrorSchema = z
  .object({
    error: z.enum(["invalid_request", "invalid_client", "invalid_grant", "invalid_scope", "invalid_target", "unsupported_grant_type", "server_error"]),
    error_description: z.string(),
  })
  .meta({ id: "OAuthError", description: "RFC 6749 §5.2 error response" });

export type IssuedTokenDto = z.infer<typeof issuedTokenSchema>;
export type IntrospectionDto = z.infer<typeof introspectionSchema>;
