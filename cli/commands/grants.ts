import type { GrantDto } from "@/lib/grants/schemas";
import { agentClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { formatRelative } from "../duration";
import { oneOf, parseCommandArgs } from "../parse-command-args";
import { formatTable } from "../terminal-text";

const GRANT_FILTERS = ["active", "expired", "revoked", "all"] as const;

export interface GrantsCommand {
  status: (typeof GRANT_FILTERS)[number];
  json: boolean;
}

export function parseGrantsArgs(args: string[]): GrantsCommand {
  const { values } = parseCommandArgs(args, { status: { type: "string", default: "active" }, json: { type: "boolean", default: false } });
  return { status: oneOf(values.status, GRANT_FILTERS, "--status"), json: values.json };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseGrantsArgs(args);
  const grants = await agentClient(context.env).listGrants({ status: command.status });
  if (command.json) {
    context.print(JSON.stringify(grants, null, 2));
  } else if (grants.length === 0) {
    context.print(command.status === "all" ? "No grants." : `No ${command.status} grants.`);
  } else {
    context.print(
      formatTable(
        ["ID", "SCOPES", "EXPIRES", "CONTEXT"],
        grants.map((grant) => [grant.id, grant.scopes.join(","), describeExpiry(grant), grant.contextRef ?? ""]),
      ),
    );
  }
  return 0;
}

function describeExpiry(grant: GrantDto): string {
  switch (grant.status) {
    case "ACTIVE":
      return formatRelative(grant.secondsRemaining);
    case "EXPIRED":
      return `expired ${formatRelative((Date.parse(grant.expiresAt) - Date.now()) / 1000)}`;
    case "REVOKED":
      return grant.revokedAt ? `revoked ${formatRelative((Date.parse(grant.revokedAt) - Date.now()) / 1000)}` : "revoked";
  }
}
