import type { BatonClient } from "@/lib/client/baton-client";
import type { AccessRequestDto } from "@/lib/requests/schemas";
import { startSpinner } from "./spinner";
import type { CliContext } from "./cli-context";

/** Long-polls for the decision for up to `waitSeconds`, with a spinner while a person watches. */
export async function awaitDecision(client: BatonClient, requestId: string, waitSeconds: number, context: CliContext): Promise<AccessRequestDto> {
  const spinner = startSpinner(context.stderr, `Waiting for a decision on ${requestId}`);
  try {
    return await client.waitForDecision(requestId, { timeoutMs: waitSeconds * 1000 });
  } finally {
    spinner.stop();
  }
}
