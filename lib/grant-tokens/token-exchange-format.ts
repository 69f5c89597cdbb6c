/** RFC 8693's grant type for POST /api/v1/token. */
export const TOKEN_EXCHANGE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
/** The subject of the exchange is a Baton grant: the authority a person delegated to the agent, named by its id. */
export const GRANT_ID_TOKEN_TYPE = "urn:baton:params:oauth:token-type:grant-id";
/** The actor is the agent, proving itself with its own API key. */
export const AGENT_KEY_TOKEN_TYPE = "urn:baton:params:oauth:token-type:agent-key";
/** What the exchange issues: a grant token (an RFC 9068 JWT access token). */
export const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
export const JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

/** RFC 6749 §5.2 and RFC 8693 §2.2.2 error codes the token endpoint answers with. */
export type OAuthErrorCode =
  "invalid_request" | "invalid_client" | "invalid_grant" | "invalid_scope" | "invalid_target" | "unsupported_grant_type" | "server_error";

/** A token-endpoint failure, answered as `{error, error_description}` rather than problem+json. */
export class OAuthError extends Error {
  override name = "OAuthError";
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status: number = error === "invalid_client" ? 401 : error === "server_error" ? 500 : 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}
