import type { AgentConfig, GroupConfig, ResourceServerConfig, ScheduleConfig, ScopeConfig } from "./config-file";
import type { LoadedConfig, PolicyDocumentConfig } from "./load-config-file";

/** What Baton holds now, in the file's terms, with the ids the API needs to change each object. */
export interface CurrentState {
  /** `members` are those set in Baton; `ssoMembers` those an identity provider asserted, which apply leaves alone. */
  groups: (GroupConfig & { id: string; ssoMembers: string[] })[];
  resourceServers: (ResourceServerConfig & { id: string; revoked: boolean })[];
  scopes: ScopeConfig[];
  agents: (AgentConfig & { id: string; disabled: boolean })[];
  /** Null when this Baton has no schedules API. */
  schedules: (ScheduleConfig & { id: string })[] | null;
  /** Null when this Baton has no policy API. */
  policy: { active: PolicyDocumentConfig[]; pending: { id: string; policies: PolicyDocumentConfig[] }[] } | null;
}

export type ObjectKind = "group" | "resourceServer" | "scope" | "agent" | "schedule";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type Change =
  | { kind: "group"; action: "create"; name: string; after: GroupConfig }
  | { kind: "resourceServer"; action: "create"; name: string; after: ResourceServerConfig }
  | { kind: "scope"; action: "create"; name: string; after: ScopeConfig }
  | { kind: "agent"; action: "create"; name: string; after: AgentConfig }
  | { kind: "schedule"; action: "create"; name: string; after: ScheduleConfig }
  | { kind: ObjectKind; action: "update"; name: string; id: string; fields: FieldChange[] }
  /** Only with --prune: agents are disabled, resource servers revoked, schedules deleted. */
  | { kind: "agent" | "resourceServer" | "schedule"; action: "delete"; name: string; id: string }
  | {
      kind: "policy";
      action: "propose";
      name: "policy set";
      policies: PolicyDocumentConfig[];
      note?: string;
      added: string[];
      changed: string[];
      removed: string[];
    };

export interface Plan {
  changes: Change[];
  /** What the plan cannot do or chose not to, for the person reading it. */
  warnings: string[];
}

/** A file that cannot be applied to this Baton at all (say, a resource server whose audience changed). */
export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
    this.name = "PlanError";
  }
}

const GROUP_FIELDS = ["description", "members"] as const;
const SCOPE_FIELDS = ["description", "risk", "maxDuration", "approvalsRequired", "approverGroup", "autoApprove", "resourceServer", "tags"] as const;
const AGENT_FIELDS = ["description", "owner", "eligibleScopes", "tags"] as const;
const SCHEDULE_FIELDS = ["description", "timezone", "weeklyRules", "oneOffWindows"] as const;

/**
 * The changes that make Baton match the file: create what is missing, update what differs, and only with
 * `prune` remove what the file does not name. Pure: the same file and state always give the same plan.
 * Changes come in the order apply makes them, so every object exists before another refers to it:
 * groups, resource servers, scopes, agents, schedules, the policy proposal.
 */
export function planConfig(desired: LoadedConfig, current: CurrentState, options: { prune: boolean }): Plan {
  const changes: Change[] = [];
  const warnings: string[] = [];
  const problems: string[] = [];

  if (current.schedules === null && desired.schedules.length > 0) problems.push("this Baton has no schedules API yet: remove the schedules section");
  if (current.policy === null && desired.policy) problems.push("this Baton has no policy API yet: remove the policy section");

  const groups = byName(current.groups, (group) => group.name);
  for (const group of desired.groups) {
    const existing = groups.get(group.name);
    if (!existing) changes.push({ kind: "group", action: "create", name: group.name, after: group });
    else {
      // A member the identity provider asserted counts as present when the file names them, and is not the file's to remove.
      const members = [...new Set([...existing.members, ...existing.ssoMembers.filter((email) => group.members.includes(email))])].sort();
      pushUpdate(changes, "group", group.name, existing.id, diffFields({ ...existing, members }, group, GROUP_FIELDS));
    }
  }
  if (options.prune) warnUnmanaged(warnings, "approver groups", current.groups, new Set(desired.groups.map((group) => group.name)), (group) => group.name);

  const servers = byName(current.resourceServers, (server) => server.name);
  for (const server of desired.resourceServers) {
    const existing = servers.get(server.name);
    if (!existing) changes.push({ kind: "resourceServer", action: "create", name: server.name, after: server });
    else if (existing.revoked)
      warnings.push(`resource server ${server.name} is revoked in Baton: a revoked resource server cannot be restored (register it under a new name)`);
    else if (existing.audience !== server.audience)
      problems.push(
        `resource server ${server.name}: its audience cannot change (Baton has ${existing.audience}, the file ${server.audience}); register a new one under another name`,
      );
  }
  if (options.prune) {
    const named = new Set(desired.resourceServers.map((server) => server.name));
    for (const server of current.resourceServers)
      if (!server.revoked && !named.has(server.name)) changes.push({ kind: "resourceServer", action: "delete", name: server.name, id: server.id });
  }

  const scopes = byName(current.scopes, (scope) => scope.key);
  for (const scope of desired.scopes) {
    const existing = scopes.get(scope.key);
    if (!existing) changes.push({ kind: "scope", action: "create", name: scope.key, after: scope });
    else pushUpdate(changes, "scope", scope.key, scope.key, diffFields(existing, scope, SCOPE_FIELDS));
  }
  if (options.prune) warnUnmanaged(warnings, "scopes", current.scopes, new Set(desired.scopes.map((scope) => scope.key)), (scope) => scope.key);

  const agents = byName(current.agents, (agent) => agent.name);
  for (const agent of desired.agents) {
    const existing = agents.get(agent.name);
    if (!existing) changes.push({ kind: "agent", action: "create", name: agent.name, after: agent });
    else if (existing.disabled) warnings.push(`agent ${agent.name} is disabled in Baton: a disabled agent cannot be enabled again, so it is left as is`);
    else pushUpdate(changes, "agent", agent.name, existing.id, diffFields(existing, agent, AGENT_FIELDS));
  }
  if (options.prune) {
    const named = new Set(desired.agents.map((agent) => agent.name));
    for (const agent of current.agents)
      if (!agent.disabled && !named.has(agent.name)) changes.push({ kind: "agent", action: "delete", name: agent.name, id: agent.id });
  }

  if (current.schedules) {
    const schedules = byName(current.schedules, (schedule) => schedule.name);
    for (const schedule of desired.schedules) {
      const existing = schedules.get(schedule.name);
      if (!existing) changes.push({ kind: "schedule", action: "create", name: schedule.name, after: schedule });
      else pushUpdate(changes, "schedule", schedule.name, existing.id, diffFields(existing, schedule, SCHEDULE_FIELDS));
    }
    if (options.prune) {
      const named = new Set(desired.schedules.map((schedule) => schedule.name));
      for (const schedule of current.schedules)
        if (!named.has(schedule.name)) changes.push({ kind: "schedule", action: "delete", name: schedule.name, id: schedule.id });
    }
  }

  if (desired.policy && current.policy) {
    const wanted = desired.policy.policies;
    const active = current.policy.active;
    if (samePolicies(wanted, active)) {
      // nothing to propose
    } else if (current.policy.pending.some((proposal) => samePolicies(wanted, proposal.policies))) {
      const pending = current.policy.pending.find((proposal) => samePolicies(wanted, proposal.policies))!;
      warnings.push(`the file's policy set is already proposed (${pending.id}) and awaits a second admin's review`);
    } else {
      const before = new Map(active.map((policy) => [policy.id, normalizePolicyText(policy.text)]));
      const after = new Map(wanted.map((policy) => [policy.id, normalizePolicyText(policy.text)]));
      changes.push({
        kind: "policy",
        action: "propose",
        name: "policy set",
        policies: wanted,
        note: desired.policy.note,
        added: [...after.keys()].filter((id) => !before.has(id)),
        changed: [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)),
        removed: [...before.keys()].filter((id) => !after.has(id)),
      });
    }
  }

  if (problems.length) throw new PlanError(problems);
  return { changes, warnings };
}

function byName<T>(items: T[], nameOf: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [nameOf(item), item]));
}

function pushUpdate(changes: Change[], kind: ObjectKind, name: string, id: string, fields: FieldChange[]) {
  if (fields.length) changes.push({ kind, action: "update", name, id, fields });
}

function diffFields<T extends object>(before: T, after: T, fields: readonly string[]): FieldChange[] {
  return fields.flatMap((field) => {
    const was = (before as Record<string, unknown>)[field];
    const is = (after as Record<string, unknown>)[field];
    return canonical(was) === canonical(is) ? [] : [{ field, before: was ?? null, after: is ?? null }];
  });
}

function warnUnmanaged<T>(warnings: string[], what: string, held: T[], named: Set<string>, nameOf: (item: T) => string) {
  const unmanaged = held.map(nameOf).filter((name) => !named.has(name));
  if (unmanaged.length) warnings.push(`not in the file but left as is, since Baton's API cannot delete ${what}: ${unmanaged.join(", ")}`);
}

/** JSON with sorted keys: field values compare by content, whatever order the API or the file wrote them in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

// Trailing whitespace and the final newline are editor noise, not policy.
function normalizePolicyText(text: string): string {
  return text.replace(/[ \t]+$/gm, "").trim();
}

/** Same ids with the same text, in any order. */
export function samePolicies(a: PolicyDocumentConfig[], b: PolicyDocumentConfig[]): boolean {
  const key = (policies: PolicyDocumentConfig[]) =>
    canonical(policies.map((policy) => [policy.id, normalizePolicyText(policy.text)]).sort(([x], [y]) => x!.localeCompare(y!)));
  return key(a) === key(b);
}
