import type { z } from "zod";
import type { issuedAgentKeySchema } from "@/lib/agents/schemas";
import type { CliContext } from "./cli-context";

/**
 * Baton keeps only a key's hash, so this is the one time the secret can be seen. The warning goes to
 * stderr so it reaches the person even when stdout is captured into a file or a secret store.
 */
export function printIssuedKey(key: z.infer<typeof issuedAgentKeySchema>, agentId: string, context: CliContext, json: boolean): void {
  if (json) {
    context.print(JSON.stringify(key, null, 2));
  } else {
    context.print(`Issued key ${key.id} for agent ${agentId}${key.expiresAt ? `, expires ${key.expiresAt}` : ""}:`);
    context.print("");
    context.print(`  ${key.key}`);
    context.print("");
  }
  context.warn("Store this key now; it is not shown again. The agent uses it as BATON_API_KEY.");
}
