import type { z } from "zod";
import type { createGroupBody } from "@/lib/groups/schemas";
import { adminClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { parseCommandArgs, required, splitAction } from "../parse-command-args";

export interface GroupsCommand {
  action: "create";
  body: z.input<typeof createGroupBody>;
  json: boolean;
}

export function parseGroupsArgs(args: string[]): GroupsCommand {
  const { action, rest } = splitAction(args, ["create"]);
  const { values } = parseCommandArgs(rest, {
    name: { type: "string" },
    member: { type: "string", multiple: true },
    description: { type: "string" },
    json: { type: "boolean", default: false },
  });
  return { action, body: { name: required(values.name, "--name"), memberEmails: values.member, description: values.description }, json: values.json };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseGroupsArgs(args);
  const group = await adminClient(context.env).createGroup(command.body);
  if (command.json) {
    context.print(JSON.stringify(group, null, 2));
  } else {
    const members = group.members.map((member) => member.email);
    context.print(
      `Created group ${group.name} (${group.id}) with ${members.length === 0 ? "no members" : `${members.length} member${members.length === 1 ? "" : "s"}: ${members.join(", ")}`}`,
    );
  }
  return 0;
}
