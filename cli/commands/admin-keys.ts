import { type AgentKeyDto, rotateAgentKeyBody } from "@/lib/agents/schemas";
import { formatDurationCompact } from "@/lib/kernel/duration";
import { adminClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { parseDurationFlag } from "../duration";
import { parseCommandArgs, splitAction } from "../parse-command-args";
import { printIssuedKey } from "../print-issued-key";
import { formatTable } from "../terminal-text";

export type KeysCommand =
  | { action: "list"; agentId: string; json: boolean }
  | { action: "create"; agentId: string; expiresInSeconds?: number; json: boolean }
  | { action: "rotate"; agentId: string; keyId: string; overlapSeconds?: number; expiresInSeconds?: number; json: boolean }
  | { action: "revoke"; agentId: string; keyId: string; json: boolean };

const json = { type: "boolean", default: false } as const;

export function parseKeysArgs(args: string[]): KeysCommand {
  const { action, rest } = splitAction(args, ["list", "create", "rotate", "revoke"]);
  switch (action) {
    case "list": {
      const { values, positionals } = parseCommandArgs(rest, { json }, ["agentId"]);
      return { action, agentId: positionals.agentId, json: values.json };
    }
    case "create": {
      const { values, positionals } = parseCommandArgs(rest, { expires: { type: "string" }, json }, ["agentId"]);
      return { action, agentId: positionals.agentId, expiresInSeconds: optionalDuration(values.expires, "--expires"), json: values.json };
    }
    case "rotate": {
      const { values, positionals } = parseCommandArgs(rest, { overlap: { type: "string" }, expires: { type: "string" }, json }, ["agentId", "keyId"]);
      return {
        action,
        agentId: positionals.agentId,
        keyId: positionals.keyId,
        overlapSeconds: optionalDuration(values.overlap, "--overlap"),
        expiresInSeconds: optionalDuration(values.expires, "--expires"),
        json: values.json,
      };
    }
    case "revoke": {
      const { values, positionals } = parseCommandArgs(rest, { json }, ["agentId", "keyId"]);
      return { action, agentId: positionals.agentId, keyId: positionals.keyId, json: values.json };
    }
  }
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseKeysArgs(args);
  const client = adminClient(context.env);
  switch (command.action) {
    case "list": {
      const keys = await client.listAgentKeys(command.agentId);
      if (command.json) context.print(JSON.stringify(keys, null, 2));
      else if (keys.length === 0) context.print(`No keys for ${command.agentId}: issue one with baton admin keys create ${command.agentId}.`);
      else context.print(formatTable(["ID", "PREFIX", "STATE", "CREATED", "LAST USED", "EXPIRES"], keys.map(keyRow)));
      return 0;
    }
    case "create": {
      const key = await client.createAgentKey(command.agentId, { expiresInSeconds: command.expiresInSeconds });
      printIssuedKey(key, command.agentId, context, command.json);
      return 0;
    }
    case "rotate": {
      const key = await client.rotateAgentKey(command.agentId, command.keyId, {
        overlapSeconds: command.overlapSeconds,
        expiresInSeconds: command.expiresInSeconds,
      });
      printIssuedKey(key, command.agentId, context, command.json);
      if (!command.json) {
        // Without --overlap the server applies the contract's default, which parsing an empty body reveals.
        const overlapSeconds = command.overlapSeconds ?? rotateAgentKeyBody.parse({}).overlapSeconds;
        context.print(
          overlapSeconds === 0
            ? `The old key ${command.keyId} has stopped working.`
            : `The old key ${command.keyId} keeps working for ${formatDurationCompact(overlapSeconds)}, then stops.`,
        );
      }
      return 0;
    }
    case "revoke": {
      const key = await client.revokeAgentKey(command.agentId, command.keyId);
      context.print(command.json ? JSON.stringify(key, null, 2) : `Revoked key ${key.id} (${key.prefix}…).`);
      return 0;
    }
  }
}

function optionalDuration(value: string | undefined, flag: string): number | undefined {
  return value === undefined ? undefined : parseDurationFlag(value, flag);
}

function keyRow(key: AgentKeyDto): string[] {
  return [key.id, key.prefix, keyState(key), key.createdAt, key.lastUsedAt ?? "never", key.expiresAt ?? "never"];
}

function keyState(key: AgentKeyDto): string {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return "expired";
  return "active";
}
