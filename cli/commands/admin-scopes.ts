import type { z } from "zod";
import type { createScopeBody, ScopeDto, updateScopeBody } from "@/lib/scopes/schemas";
import { formatDurationCompact } from "@/lib/kernel/duration";
import { adminClient } from "../baton-clients";
import type { CliContext } from "../cli-context";
import { CliUsageError } from "../cli-usage-error";
import { parseDurationFlag } from "../duration";
import { oneOf, parseCommandArgs, positiveInteger, required, splitAction } from "../parse-command-args";
import { formatTable, oneLine } from "../terminal-text";

const RISKS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;

const SCOPE_FIELD_OPTIONS = {
  risk: { type: "string" },
  max: { type: "string" },
  approvals: { type: "string" },
  group: { type: "string" },
  "auto-approve": { type: "boolean" },
  description: { type: "string" },
  json: { type: "boolean", default: false },
} as const;

export type ScopesCommand =
  | { action: "list"; json: boolean }
  | { action: "create"; body: z.input<typeof createScopeBody>; json: boolean }
  | { action: "update"; key: string; body: z.input<typeof updateScopeBody>; json: boolean };

export function parseScopesArgs(args: string[]): ScopesCommand {
  const { action, rest } = splitAction(args, ["list", "create", "update"]);
  if (action === "list") {
    return { action, json: parseCommandArgs(rest, { json: { type: "boolean", default: false } }).values.json };
  }
  if (action === "create") {
    const { values } = parseCommandArgs(rest, { key: { type: "string" }, ...SCOPE_FIELD_OPTIONS });
    return {
      action,
      body: {
        key: required(values.key, "--key"),
        risk: oneOf(required(values.risk, "--risk"), RISKS, "--risk"),
        maxDurationSeconds: parseDurationFlag(required(values.max, "--max"), "--max"),
        approvalsRequired: values.approvals === undefined ? undefined : positiveInteger(values.approvals, "--approvals"),
        approverGroup: values.group,
        autoApprove: values["auto-approve"],
        description: values.description,
      },
      json: values.json,
    };
  }
  const { values, positionals } = parseCommandArgs(rest, { ...SCOPE_FIELD_OPTIONS, "no-group": { type: "boolean" }, "no-auto-approve": { type: "boolean" } }, [
    "key",
  ]);
  if (values.group !== undefined && values["no-group"]) throw new CliUsageError("--group and --no-group contradict each other");
  if (values["auto-approve"] && values["no-auto-approve"]) throw new CliUsageError("--auto-approve and --no-auto-approve contradict each other");
  const body = {
    risk: values.risk === undefined ? undefined : oneOf(values.risk, RISKS, "--risk"),
    maxDurationSeconds: values.max === undefined ? undefined : parseDurationFlag(values.max, "--max"),
    approvalsRequired: values.approvals === undefined ? undefined : positiveInteger(values.approvals, "--approvals"),
    approverGroup: values["no-group"] ? null : values.group,
    autoApprove: values["no-auto-approve"] ? false : values["auto-approve"],
    description: values.description,
  };
  if (Object.values(body).every((value) => value === undefined))
    throw new CliUsageError(
      "nothing to change: pass at least one of --risk, --max, --approvals, --group, --no-group, --auto-approve, --no-auto-approve, --description",
    );
  return { action, key: positionals.key, body, json: values.json };
}

export async function run(args: string[], context: CliContext): Promise<number> {
  const command = parseScopesArgs(args);
  const client = adminClient(context.env);
  if (command.action === "list") {
    const scopes = await client.listScopes();
    if (command.json) context.print(JSON.stringify(scopes, null, 2));
    else if (scopes.length === 0) context.print("No scopes yet: add one with baton admin scopes create.");
    else context.print(formatTable(["KEY", "RISK", "MAX", "APPROVALS", "GROUP", "AUTO-APPROVE"], scopes.map(scopeRow)));
    return 0;
  }
  const scope = command.action === "create" ? await client.createScope(command.body) : await client.updateScope(command.key, command.body);
  if (command.json) context.print(JSON.stringify(scope, null, 2));
  else context.print(`${command.action === "create" ? "Created" : "Updated"} scope ${scope.key}: ${describeScope(scope)}`);
  return 0;
}

function scopeRow(scope: ScopeDto): string[] {
  return [
    scope.key,
    scope.risk.toLowerCase(),
    formatDurationCompact(scope.maxDurationSeconds),
    String(scope.approvalsRequired),
    scope.approverGroup ?? "",
    scope.autoApprove ? "yes" : "no",
  ];
}

function describeScope(scope: ScopeDto): string {
  const approval = scope.autoApprove
    ? "approved automatically"
    : `${scope.approvalsRequired} approval${scope.approvalsRequired === 1 ? "" : "s"}${scope.approverGroup ? ` from ${oneLine(scope.approverGroup)}` : ""}`;
  return `${scope.risk.toLowerCase()} risk, at most ${formatDurationCompact(scope.maxDurationSeconds)}, ${approval}`;
}
