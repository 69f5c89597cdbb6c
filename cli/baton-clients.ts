import { createBatonClient } from "@/lib/client/baton-client";
import { nodeHttpFetch } from "@/lib/client/node-http-fetch";
import { workloadTokenSource } from "@/lib/client/workload-token-source";

const DEFAULT_BATON_URL = "http://localhost:3000";

/**
 * Agent commands act as the agent whose API key is in BATON_API_KEY, or — with no standing secret — as the
 * agent bound to the workload identity token in BATON_ID_TOKEN_FILE (or --id-token-file), exchanged for
 * short-lived access tokens as needed.
 */
export function agentClient(env: Record<string, string | undefined>) {
  const idTokenFile = env.BATON_ID_TOKEN_FILE?.trim();
  if (idTokenFile) {
    const baseUrl = env.BATON_URL?.trim() || DEFAULT_BATON_URL;
    try {
      return createBatonClient({ baseUrl, token: workloadTokenSource({ baseUrl, idTokenFile, fetch: nodeHttpFetch }), fetch: nodeHttpFetch });
    } catch (error) {
      throw new Error(`BATON_URL: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return clientFor(
    env,
    "BATON_API_KEY",
    "set it to the agent's API key (an admin issues one with: baton admin keys create <agentId>), or set BATON_ID_TOKEN_FILE to a workload identity token",
  );
}

/** Admin commands act as the person whose personal API token is in BATON_TOKEN. */
export function adminClient(env: Record<string, string | undefined>) {
  return clientFor(env, "BATON_TOKEN", "set it to an admin's personal API token");
}

function clientFor(env: Record<string, string | undefined>, variable: "BATON_API_KEY" | "BATON_TOKEN", hint: string) {
  const token = env[variable]?.trim();
  if (!token) throw new Error(`${variable} is not set: ${hint}`);
  const baseUrl = env.BATON_URL?.trim() || DEFAULT_BATON_URL;
  try {
    return createBatonClient({ baseUrl, token, fetch: nodeHttpFetch });
  } catch (error) {
    throw new Error(`BATON_URL: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
