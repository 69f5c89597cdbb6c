import type { Readable, Writable } from "node:stream";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createBatonMcpServer } from "@/lib/mcp/create-baton-mcp-server";
import { httpAgentBackend } from "@/lib/mcp/http-agent-backend";
import { agentClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { parseCommandArgs } from "../parse-command-args";

/**
 * An MCP server on stdin/stdout for a local agent host, acting as the agent whose key is in
 * BATON_API_KEY (or whose identity token is in BATON_ID_TOKEN_FILE), over HTTP to BATON_URL. stdout carries only the protocol; notes go to stderr.
 */
export async function run(args: string[], context: CliContext): Promise<number> {
  parseCommandArgs(args, {});
  const client = agentClient(context.env);
  // A wrong key or an unreachable Baton stops here with one line the host shows, not at the first tool call.
  const scopes = await client.listEligibleScopes();
  const batonUrl = (context.env.BATON_URL?.trim() || "http://localhost:3000").replace(/\/+$/, "");
  const server = createBatonMcpServer({ backend: httpAgentBackend(client), requestPageUrl: (requestId) => `${batonUrl}/requests/${requestId}` });
  const transport = new StdioServerTransport(context.stdin as Readable, (context.stdout ?? process.stdout) as Writable);
  const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
  await server.connect(transport);
  const stop = () => void server.close();
  context.stdin.once("end", stop);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  context.warn(
    `baton mcp: serving on stdio as this agent (${scopes.length} eligible scope${scopes.length === 1 ? "" : "s"}), Baton at ${context.env.BATON_URL?.trim() || "http://localhost:3000"}`,
  );
  await closed;
  process.off("SIGTERM", stop);
  process.off("SIGINT", stop);
  return 0;
}
