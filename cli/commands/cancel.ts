import { agentClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { parseCommandArgs } from "../parse-command-args";

export interface CancelCommand {
  requestId: string;
  reason?: string;
  json: boolean;
}

export function parseCancelArgs(args: string[]): CancelCommand {
  const { values, positionals } = parseCommandArgs(args, { reason: { type: "string" }, json: { type: "boolean", default: false } }, ["id"]);
  return { requestId: positionals.id, reason: values.reason, json: values.json };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseCancelArgs(args);
  const request = await agentClient(context.env).cancelRequest(command.requestId, { reason: command.reason });
  context.print(command.json ? JSON.stringify(request, null, 2) : `Cancelled: ${request.id}`);
  return 0;
}
