import { oneLine } from "../terminal-text";
import type { Change, Plan } from "./plan-config";

const KIND_LABEL: Record<Change["kind"], string> = {
  group: "approver group",
  resourceServer: "resource server",
  scope: "scope",
  agent: "agent",
  schedule: "schedule",
  policy: "policy set",
};

const DELETE_VERB: Record<string, string> = { agent: "disable", resourceServer: "revoke", schedule: "delete" };

/** `create scope deploy:write`, `disable agent old-bot (prune)`: one change in a few words. */
export function describeChange(change: Change): string {
  if (change.kind === "policy") return "propose the policy set";
  const verb = change.action === "delete" ? DELETE_VERB[change.kind]! : change.action;
  return `${verb} ${KIND_LABEL[change.kind]} ${change.name}${change.action === "delete" ? " (prune)" : ""}`;
}

/** The plan as a person reads it: one block per object, `+` create, `~` update, `-` delete (prune only), `?` proposal. */
export function renderPlan(plan: Plan): string[] {
  const lines: string[] = [];
  for (const change of plan.changes) {
    if (change.kind === "policy") {
      lines.push(`? propose the policy set${change.note ? ` (note: ${oneLine(change.note)})` : ""}; it takes effect once a second admin approves it`);
      for (const [label, ids] of [
        ["added", change.added],
        ["changed", change.changed],
        ["removed", change.removed],
      ] as const)
        if (ids.length) lines.push(`    ${label}: ${ids.map(oneLine).join(", ")}`);
      continue;
    }
    const label = `${KIND_LABEL[change.kind]} ${oneLine(change.name)}`;
    if (change.action === "create") {
      lines.push(`+ create ${label}`);
      for (const [field, value] of Object.entries(change.after)) if (!isEmpty(value)) lines.push(`    ${field}: ${formatValue(field, value)}`);
    } else if (change.action === "update") {
      lines.push(`~ update ${label}`);
      for (const { field, before, after } of change.fields) lines.push(`    ${field}: ${formatValue(field, before)} → ${formatValue(field, after)}`);
    } else {
      lines.push(`- ${DELETE_VERB[change.kind]} ${label} (not in the file; --prune)`);
    }
  }
  for (const warning of plan.warnings) lines.push(`! ${oneLine(warning)}`);
  lines.push(summarize(plan));
  return lines;
}

export function summarize(plan: Plan): string {
  if (plan.changes.length === 0) return "No changes: Baton matches the file.";
  const count = (action: Change["action"]) => plan.changes.filter((change) => change.action === action).length;
  const parts = [`${count("create")} to create`, `${count("update")} to update`];
  if (count("delete")) parts.push(`${count("delete")} to remove (prune)`);
  if (count("propose")) parts.push("a policy proposal to file");
  return `Plan: ${parts.join(", ")}.`;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function formatValue(field: string, value: unknown): string {
  if (field === "maxDuration" && typeof value === "number") return formatExactDuration(value);
  if (Array.isArray(value)) return `[${value.map((item) => (typeof item === "string" ? oneLine(item) : JSON.stringify(item))).join(", ")}]`;
  if (typeof value === "string") return JSON.stringify(oneLine(value));
  return oneLine(JSON.stringify(value ?? null));
}

/** `1h30m`, `7d`: exact (never rounded), and read back by the file's duration fields. */
export function formatExactDuration(totalSeconds: number): string {
  let rest = totalSeconds;
  let text = "";
  for (const [unit, seconds] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1],
  ] as const) {
    const count = Math.floor(rest / seconds);
    rest -= count * seconds;
    if (count) text += `${count}${unit}`;
  }
  return text || "0s";
}
