import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { describeAgentApiResource } from "@/lib/mcp/describe-protected-resource";

export const dynamic = "force-dynamic";

/** RFC 9728 metadata of the agent API: agent access tokens for it are bound to Baton's URL. The MCP server's is under /api/mcp. */
export function GET(request: Request) {
  return Response.json(describeAgentApiResource({ issuer: tokenIssuer(request) }), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
