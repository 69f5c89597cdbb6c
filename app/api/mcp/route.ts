import { handleMcpHttpRequest } from "@/lib/mcp/handle-mcp-http-request";

export const dynamic = "force-dynamic";

// MCP over streamable HTTP (Bearer agent key): POST carries JSON-RPC, GET opens the notification stream, DELETE ends the session.
export const GET = handleMcpHttpRequest;
export const POST = handleMcpHttpRequest;
export const DELETE = handleMcpHttpRequest;
