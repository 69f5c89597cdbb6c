import { AGENT_SCOPE, apiResourceOf, mcpResourceOf } from "@/lib/workload-identity/workload-token-format";

/** Where the MCP server's RFC 9728 metadata is: the well-known prefix inserted before the resource's path. */
export const protectedResourceMetadataUrl = (issuer: string) => `${issuer}/.well-known/oauth-protected-resource/api/mcp`;

/**
 * RFC 9728 protected-resource metadata of /api/mcp, as the MCP authorization specification asks: the
 * resource (its canonical URI, the RFC 8707 `resource` a client asks tokens for), Baton as its
 * authorization server, and how tokens are sent.
 */
export function describeProtectedResource(options: { issuer: string }) {
  return {
    resource: mcpResourceOf(options.issuer),
    authorization_servers: [options.issuer],
    bearer_methods_supported: ["header"],
    scopes_supported: [AGENT_SCOPE],
    resource_name: "Baton MCP server",
    resource_documentation: `${options.issuer}/docs/api`,
  };
}

/** RFC 9728 metadata of the agent API (Baton's URL as resource), at /.well-known/oauth-protected-resource. */
export function describeAgentApiResource(options: { issuer: string }) {
  return {
    ...describeProtectedResource(options),
    resource: apiResourceOf(options.issuer),
    resource_name: "Baton agent API",
  };
}

/** The challenge of a call without a usable token (RFC 9728 §5.1, RFC 6750 §3). */
export const mcpAuthenticationChallenge = (issuer: string) => `Bearer resource_metadata="${protectedResourceMetadataUrl(issuer)}", scope="${AGENT_SCOPE}"`;
