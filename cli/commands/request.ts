import { randomUUID } from "node:crypto";
import { BatonNetworkError } from "@/lib/client/baton-network-error";
import type { FileRequestBody } from "@/lib/requests/schemas";
import { awaitDecision } from "../await-decision";
import { agentClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { parseDurationFlag } from "../duration";
import { parseCommandArgs, required } from "../parse-command-args";
import { reportRequest } from "../report-request";

// Filing is idempotent under one key, so a dropped connection is retried rather than reported at once.
const RETRY_DELAYS_MS = [500, 1500];

export interface RequestCommand {
  body: FileRequestBody;
  waitSeconds: number;
  idempotencyKey: string;
  json: boolean;
}

export function parseRequestArgs(args: string[], newIdempotencyKey: () => string = randomUUID): RequestCommand {
  const { values } = parseCommandArgs(args, {
    scope: { type: "string", multiple: true },
    for: { type: "string" },
    reason: { type: "string" },
    "on-behalf-of": { type: "string" },
    incident: { type: "string" },
    context: { type: "string" },
    location: { type: "string", multiple: true },
    action: { type: "string", multiple: true },
    wait: { type: "string" },
    json: { type: "boolean", default: false },
    "idempotency-key": { type: "string" },
  });
  return {
    body: {
      scopes: required(values.scope, "--scope"),
      durationSeconds: parseDurationFlag(required(values.for, "--for"), "--for"),
      justification: required(values.reason, "--reason"),
      onBehalfOf: values["on-behalf-of"],
      incidentId: values.incident,
      contextRef: values.context,
      ...((values.location || values.action) && {
        authorizationDetails: [
          { type: "baton_constraint", ...(values.location && { locations: values.location }), ...(values.action && { actions: values.action }) },
        ],
      }),
    },
    waitSeconds: values.wait === undefined ? 0 : parseDurationFlag(values.wait, "--wait"),
    idempotencyKey: values["idempotency-key"] || newIdempotencyKey(),
    json: values.json,
  };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseRequestArgs(args);
  const client = agentClient(context.env);
  let request = await fileWithRetries(() => client.fileRequest(command.body, { idempotencyKey: command.idempotencyKey }), command.idempotencyKey);
  if (request.status === "PENDING" && command.waitSeconds > 0) {
    request = await awaitDecision(client, request.id, command.waitSeconds, context);
  }
  return reportRequest(request, context, { json: command.json, waitedSeconds: command.waitSeconds });
}

async function fileWithRetries<T>(file: () => Promise<T>, idempotencyKey: string): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await file();
    } catch (error) {
      if (!(error instanceof BatonNetworkError)) throw error;
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw new Error(`${error.message} (to retry without filing twice, pass --idempotency-key ${idempotencyKey})`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
