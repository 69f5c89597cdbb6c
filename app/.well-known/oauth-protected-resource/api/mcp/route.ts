import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { describeProtectedResource } from "@/lib/mcp/describe-protected-resource";

export const dynamic = "force-dynamic";

/** RFC 9728 metadata of the MCP server at /api/mcp; public, so MCP clients find how to get a token. */
export function GET(request: Request) {
  return Response.json(describeProtectedResource({ issuer: tokenIssuer(request) }), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
