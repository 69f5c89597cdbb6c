/** RFC 7523: a JWT as an authorization grant. */
export const JWT_BEARER_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** RFC 8693 subject token types a workload token is sent as. */
export const WORKLOAD_SUBJECT_TOKEN_TYPES = ["urn:ietf:params:oauth:token-type:jwt", "urn:ietf:params:oauth:token-type:id_token"] as const;

/** Asymmetric algorithms only: never `none`, never HMAC (whose "secret" would be the issuer's public key). */
export const WORKLOAD_TOKEN_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];
/** Clock skew tolerated on exp, nbf and iat. */
export const WORKLOAD_TOKEN_SKEW_SECONDS = 60;
/** Platform tokens are a few kilobytes; anything longer is refused before it is parsed. */
export const MAX_WORKLOAD_TOKEN_LENGTH = 16_384;

/** The access token Baton issues for a workload token lives at most this long. */
export const AGENT_ACCESS_TOKEN_SECONDS = 900;
/** The one scope an agent access token carries: the agent API (and MCP). */
export const AGENT_SCOPE = "baton:agent";
/** Marks Baton's agent access tokens apart from its grant tokens (which carry `grant_id`). */
export const FEDERATED_IDENTITY_CLAIM = "baton_federated_identity";

/** The resource identifiers (RFC 8707) an agent access token may be bound to: the agent API (Baton's URL) or the MCP server. */
export const apiResourceOf = (issuer: string) => issuer;
export const mcpResourceOf = (issuer: string) => `${issuer}/api/mcp`;
