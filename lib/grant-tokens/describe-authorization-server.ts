import { GRANT_TOKEN_ALGORITHM } from "@/lib/kernel/grant-token-format";
import { AGENT_SCOPE, JWT_BEARER_GRANT_TYPE, WORKLOAD_SUBJECT_TOKEN_TYPES } from "@/lib/workload-identity/workload-token-format";
import { AGENT_KEY_TOKEN_TYPE, GRANT_ID_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT_TYPE } from "./token-exchange-format";

/**
 * RFC 8414 metadata, so a resource server configured with Baton's URL finds the keys and endpoints. Grant
 * tokens come from the RFC 8693 token endpoint (the grant id as subject token, the agent key as actor
 * token) or from the per-grant endpoint; agent access tokens from a workload identity token (RFC 7523, or
 * RFC 8693 with a JWT subject token). Workload exchanges need no client authentication (`none`): the
 * platform's signature is the proof. The `baton_` fields say how.
 */
export function describeAuthorizationServer(options: { issuer: string }) {
  const { issuer } = options;
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    introspection_endpoint: `${issuer}/api/v1/introspect`,
    // No interactive flow: the endpoint exists because clients expect one, and refuses every request.
    authorization_endpoint: `${issuer}/api/oauth/authorize`,
    response_types_supported: [],
    token_endpoint: `${issuer}/api/v1/token`,
    grant_types_supported: [TOKEN_EXCHANGE_GRANT_TYPE, JWT_BEARER_GRANT_TYPE],
    token_endpoint_auth_methods_supported: ["none"],
    // RFC 9396: Baton issues no authorization_details yet.
    authorization_details_types_supported: [],
    scopes_supported: [AGENT_SCOPE],
    baton_workload_identity: {
      subject_token_types_supported: [...WORKLOAD_SUBJECT_TOKEN_TYPES],
      resources: { agent_api: issuer, mcp: `${issuer}/api/mcp` },
    },
    baton_token_exchange: { subject_token_type: GRANT_ID_TOKEN_TYPE, actor_token_type: AGENT_KEY_TOKEN_TYPE, audience: "the resource server's audience" },
    access_token_signing_alg_values_supported: [GRANT_TOKEN_ALGORITHM],
    baton_grant_token_endpoint: `${issuer}/api/v1/grants/{grant_id}/token`,
    baton_grant_token_endpoint_auth: 'agent key as Bearer; body {"audience": "<resource server audience>"}',
    baton_decision_endpoint: `${issuer}/api/v1/decisions`,
    baton_resource_server_auth: "resource-server secret (batonrs_…) as Bearer, for introspection and decisions",
    service_documentation: `${issuer}/docs/api`,
  };
}
