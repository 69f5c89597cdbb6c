import { rotateSigningKeysBody, type SigningKeyDto } from "@/lib/signing-keys/schemas";
import { formatDurationCompact } from "@/lib/kernel/duration";
import { adminClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { parseDurationFlag } from "../duration";
import { parseCommandArgs, splitAction } from "../parse-command-args";
import { formatTable } from "../terminal-text";

export type SigningKeysCommand = { action: "list"; json: boolean } | { action: "rotate"; overlapSeconds?: number; json: boolean };

const json = { type: "boolean", default: false } as const;

export function parseSigningKeysArgs(args: string[]): SigningKeysCommand {
  const { action, rest } = splitAction(args, ["list", "rotate"]);
  if (action === "list") return { action, json: parseCommandArgs(rest, { json }).values.json };
  const { values } = parseCommandArgs(rest, { overlap: { type: "string" }, json });
  return { action, overlapSeconds: values.overlap === undefined ? undefined : parseDurationFlag(values.overlap, "--overlap"), json: values.json };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseSigningKeysArgs(args);
  const client = adminClient(context.env);
  if (command.action === "list") {
    const keys = await client.listSigningKeys();
    if (command.json) context.print(JSON.stringify(keys, null, 2));
    else if (keys.length === 0) context.print("No signing key yet: Baton creates one when it signs its first grant token.");
    else context.print(formatTable(["KID", "ALG", "STATE", "CREATED", "RETIRED", "PUBLISHED UNTIL"], keys.map(keyRow)));
    return 0;
  }
  const rotated = await client.rotateSigningKeys({ overlapSeconds: command.overlapSeconds });
  if (command.json) {
    context.print(JSON.stringify(rotated, null, 2));
    return 0;
  }
  context.print(`Signing key ${rotated.active.kid} signs from now on (published since ${rotated.active.createdAt}).`);
  context.print(`Next key ${rotated.next.kid} is published now and will sign after the following rotation.`);
  // Without --overlap the server applies the contract's default, which parsing an empty body reveals.
  const overlapSeconds = command.overlapSeconds ?? rotateSigningKeysBody.parse({}).overlapSeconds;
  for (const key of rotated.retired) context.print(`Retired ${key.kid}: still published for ${formatDurationCompact(overlapSeconds)}, until ${key.expiresAt}.`);
  return 0;
}

function keyRow(key: SigningKeyDto): string[] {
  return [key.kid, key.algorithm, key.state, key.createdAt, key.retiredAt ?? "-", key.expiresAt ?? (key.state === "next" ? "from now on" : "while active")];
}
