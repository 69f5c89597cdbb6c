import { awaitDecision } from "../await-decision";
import { agentClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { parseDurationFlag } from "../duration";
import { parseCommandArgs } from "../parse-command-args";
import { reportRequest } from "../report-request";

export interface StatusCommand {
  requestId: string;
  waitSeconds: number;
  json: boolean;
}

export function parseStatusArgs(args: string[]): StatusCommand {
  const { values, positionals } = parseCommandArgs(args, { wait: { type: "string" }, json: { type: "boolean", default: false } }, ["id"]);
  return {
    requestId: positionals.id,
    waitSeconds: values.wait === undefined ? 0 : parseDurationFlag(values.wait, "--wait"),
    json: values.json,
  };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseStatusArgs(args);
  const client = agentClient(context.env);
  const request =
    command.waitSeconds > 0 ? await awaitDecision(client, command.requestId, command.waitSeconds, context) : await client.getRequest(command.requestId);
  return reportRequest(request, context, { json: command.json, waitedSeconds: command.waitSeconds });
}
