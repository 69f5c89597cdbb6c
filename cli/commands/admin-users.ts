import type { z } from "zod";
import type { createUserBody } from "@/lib/users/schemas";
import { adminClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { CliUsageError } from "../cli-usage-error";
import { oneOf, parseCommandArgs, required, splitAction } from "../parse-command-args";

const ROLES = ["ADMIN", "APPROVER", "COMMANDER", "VIEWER"] as const;

export interface UsersCommand {
  action: "create";
  body: Omit<z.input<typeof createUserBody>, "password">;
  passwordFromStdin: boolean;
  json: boolean;
}

export function parseUsersArgs(args: string[]): UsersCommand {
  const { action, rest } = splitAction(args, ["create"]);
  const { values } = parseCommandArgs(rest, {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    "password-stdin": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  return {
    action,
    body: { email: required(values.email, "--email"), name: required(values.name, "--name"), role: oneOf(required(values.role, "--role"), ROLES, "--role") },
    passwordFromStdin: values["password-stdin"],
    json: values.json,
  };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseUsersArgs(args);
  const client = adminClient(context.env);
  const password = command.passwordFromStdin ? await readPassword(context.stdin) : undefined;
  const user = await client.createUser({ ...command.body, password });
  if (command.json) {
    context.print(JSON.stringify(user, null, 2));
  } else {
    context.print(`Created ${user.role.toLowerCase()} ${user.email} (${user.id})`);
    if (user.invitationUrl) context.print(`  Invitation link (one use, valid 7 days): ${user.invitationUrl}`);
  }
  if (user.invitationUrl) context.warn("Send the invitation link to the person now; it is not shown again.");
  return 0;
}

// A password typed as a flag would land in shell history and in the process list; stdin keeps it out of both.
async function readPassword(stdin: CliContext["stdin"]): Promise<string> {
  if (stdin.isTTY) throw new CliUsageError("--password-stdin reads the password from a pipe, e.g. printf '%s' \"$PASSWORD\" | baton admin users create …");
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  // `echo secret |` adds a newline that is not part of the password.
  const password = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  if (!password) throw new CliUsageError("--password-stdin: nothing was read from stdin");
  return password;
}
