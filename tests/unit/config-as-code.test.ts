import { describe, expect, it } from "vitest";
import { ConfigFileError, parseConfigFile } from "@/cli/config/config-file";
import { exportConfig } from "@/cli/config/export-config";
import type { LoadedConfig } from "@/cli/config/load-config-file";
import { type CurrentState, PlanError, planConfig } from "@/cli/config/plan-config";
import { formatExactDuration, renderPlan } from "@/cli/config/render-plan";

const FILE = `apiVersion: baton/v1
groups:
  - name: sre-approvers
    members: [Ada@Example.com, bob@example.com]
resourceServers:
  - name: crm
    audience: https://crm.example.com
scopes:
  - key: crm.customers:read
    risk: low
    maxDuration: 1h30m
    autoApprove: true
    resourceServer: https://crm.example.com
  - key: deploy.prod:write
    risk: HIGH
    maxDuration: 30m
    approvalsRequired: 2
    approverGroup: sre-approvers
agents:
  - name: ops-bot
    owner: ada@example.com
    eligibleScopes: [deploy.prod:write, crm.customers:read]
    tags: [prod, oncall-bot]
schedules:
  - name: prod-change-window
    timezone: Europe/Berlin
    weeklyRules:
      - { days: [thu, tue], start: "09:00", end: "17:00" }
    oneOffWindows:
      - { startsAt: "2026-12-24T07:00:00Z", endsAt: "2026-12-24T11:00:00Z" }
`;

const empty = (overrides: Partial<CurrentState> = {}): CurrentState => ({
  groups: [],
  resourceServers: [],
  scopes: [],
  agents: [],
  schedules: [],
  policy: { active: [], pending: [] },
  ...overrides,
});

const loaded = (text = FILE): LoadedConfig => ({ ...parseConfigFile(text, "baton.yaml"), policy: undefined });

/** The state Baton would hold after applying `config`: what export reads back. */
function stateOf(config: LoadedConfig): CurrentState {
  return empty({
    groups: config.groups.map((group, index) => ({ ...group, id: `grp_${index}`, ssoMembers: [] })),
    resourceServers: config.resourceServers.map((server, index) => ({ ...server, id: `rsv_${index}`, revoked: false })),
    scopes: config.scopes,
    agents: config.agents.map((agent, index) => ({ ...agent, id: `agt_${index}`, disabled: false })),
    schedules: config.schedules.map((schedule, index) => ({ ...schedule, id: `sch_${index}` })),
    policy: { active: config.policy?.policies ?? [], pending: [] },
  });
}

function problemsOf(text: string): string[] {
  try {
    parseConfigFile(text, "baton.yaml");
  } catch (error) {
    if (error instanceof ConfigFileError) return error.problems;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("the configuration file", () => {
  it("normalizes names, durations, risks, defaults and lists", () => {
    const config = parseConfigFile(FILE, "baton.yaml");
    expect(config.groups[0]).toEqual({ name: "sre-approvers", description: "", members: ["ada@example.com", "bob@example.com"] });
    expect(config.scopes[0]).toMatchObject({ risk: "LOW", maxDuration: 5400, approvalsRequired: 1, approverGroup: null, tags: [] });
    expect(config.scopes[1]).toMatchObject({ risk: "HIGH", maxDuration: 1800, approvalsRequired: 2, resourceServer: null });
    expect(config.agents[0]).toMatchObject({ eligibleScopes: ["crm.customers:read", "deploy.prod:write"], tags: ["oncall-bot", "prod"] });
    expect(config.schedules[0]).toEqual({
      name: "prod-change-window",
      description: "",
      timezone: "Europe/Berlin",
      weeklyRules: [{ days: ["tue", "thu"], start: "09:00", end: "17:00" }],
      oneOffWindows: [{ startsAt: "2026-12-24T07:00:00.000Z", endsAt: "2026-12-24T11:00:00.000Z", note: "" }],
    });
  });

  it("names file, line, column and YAML path of each problem", () => {
    const problems = problemsOf(FILE.replace("risk: HIGH", "risk: extreme").replace("maxDuration: 30m", "maxDuration: soon"));
    expect(problems).toEqual([
      expect.stringMatching(/^baton\.yaml:15:11: scopes\[1\]\.risk: /),
      expect.stringMatching(/^baton\.yaml:16:18: scopes\[1\]\.maxDuration: must be a duration/),
    ]);
  });

  it("points a missing field at the object that lacks it, and refuses unknown fields and duplicates", () => {
    expect(problemsOf("apiVersion: baton/v1\nagents:\n  - name: ops-bot\n")).toEqual([expect.stringMatching(/^baton\.yaml:3:5: agents\[0\]\.owner: /)]);
    expect(problemsOf("apiVersion: baton/v1\nscopes:\n  - key: a\n    risk: low\n    maxDuration: 1h\n    colour: red\n")).toEqual([
      expect.stringMatching(/^baton\.yaml:3:5: scopes\[0\]: .*colour/),
    ]);
    expect(problemsOf("apiVersion: baton/v1\ngroups:\n  - name: ops\n  - name: ops\n")).toEqual([
      expect.stringMatching(/^baton\.yaml:4:11: groups\[1\]\.name: "ops" appears twice/),
    ]);
  });

  it("refuses a wrong apiVersion and broken YAML with its line", () => {
    expect(problemsOf("apiVersion: baton/v2\n")).toEqual([expect.stringMatching(/^baton\.yaml:1:13: apiVersion: must be baton\/v1/)]);
    expect(problemsOf("apiVersion: baton/v1\ngroups: [\n")[0]).toMatch(/^baton\.yaml:\d+:\d+: /);
  });
});

describe("the plan", () => {
  it("creates everything into an empty Baton, in dependency order", () => {
    const plan = planConfig(loaded(), empty(), { prune: false });
    expect(plan.changes.map((change) => `${change.action} ${change.kind} ${change.name}`)).toEqual([
      "create group sre-approvers",
      "create resourceServer crm",
      "create scope crm.customers:read",
      "create scope deploy.prod:write",
      "create agent ops-bot",
      "create schedule prod-change-window",
    ]);
    expect(renderPlan(plan)).toContain("    maxDuration: 1h30m");
    expect(renderPlan(plan).at(-1)).toBe("Plan: 6 to create, 0 to update.");
  });

  it("has no changes against the state it describes, and updates only the fields that differ", () => {
    const config = loaded();
    expect(planConfig(config, stateOf(config), { prune: true }).changes).toEqual([]);
    const changed = loaded(
      FILE.replace("risk: HIGH", "risk: critical").replace("[Ada@Example.com, bob@example.com]", "[ada@example.com]").replace('end: "17:00"', 'end: "18:00"'),
    );
    const plan = planConfig(changed, stateOf(config), { prune: false });
    expect(plan.changes).toEqual([
      {
        kind: "group",
        action: "update",
        name: "sre-approvers",
        id: "grp_0",
        fields: [{ field: "members", before: ["ada@example.com", "bob@example.com"], after: ["ada@example.com"] }],
      },
      { kind: "scope", action: "update", name: "deploy.prod:write", id: "deploy.prod:write", fields: [{ field: "risk", before: "HIGH", after: "CRITICAL" }] },
      {
        kind: "schedule",
        action: "update",
        name: "prod-change-window",
        id: "sch_0",
        fields: [
          {
            field: "weeklyRules",
            before: [{ days: ["tue", "thu"], start: "09:00", end: "17:00" }],
            after: [{ days: ["tue", "thu"], start: "09:00", end: "18:00" }],
          },
        ],
      },
    ]);
    expect(renderPlan(plan)).toContain('    risk: "HIGH" → "CRITICAL"');
  });

  it("counts members the identity provider asserted as present when named, and never removes them", () => {
    const held = stateOf(loaded());
    held.groups[0] = { ...held.groups[0]!, members: ["ada@example.com"], ssoMembers: ["bob@example.com", "carol@example.com"] };
    expect(planConfig(loaded(), held, { prune: false }).changes).toEqual([]);
    expect(exportConfig(held)).toContain("members:\n      - ada@example.com\n");
  });

  it("removes only with prune, and only what the API can remove", () => {
    const held = stateOf(loaded());
    const without = loaded("apiVersion: baton/v1\n");
    expect(planConfig(without, held, { prune: false }).changes).toEqual([]);
    const pruned = planConfig(without, held, { prune: true });
    expect(pruned.changes.map((change) => `${change.action} ${change.kind} ${change.name}`)).toEqual([
      "delete resourceServer crm",
      "delete agent ops-bot",
      "delete schedule prod-change-window",
    ]);
    expect(pruned.warnings).toEqual([
      expect.stringContaining("cannot delete approver groups: sre-approvers"),
      expect.stringContaining("cannot delete scopes: crm.customers:read, deploy.prod:write"),
    ]);
    expect(renderPlan(pruned)).toContain("- disable agent ops-bot (not in the file; --prune)");
  });

  it("refuses what Baton cannot do, and warns about disabled agents", () => {
    const held = stateOf(loaded());
    held.resourceServers[0]!.audience = "https://old.example.com";
    expect(() => planConfig(loaded(), held, { prune: false })).toThrow(PlanError);
    const disabled = stateOf(loaded());
    disabled.agents[0] = { ...disabled.agents[0]!, disabled: true, description: "old" };
    const plan = planConfig(loaded(), disabled, { prune: true });
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual([expect.stringContaining("agent ops-bot is disabled")]);
    expect(() => planConfig(loaded(FILE.replace(/schedules:[\s\S]*$/, "")), empty({ schedules: null }), { prune: false })).not.toThrow();
    expect(() => planConfig(loaded(), empty({ schedules: null }), { prune: false })).toThrow(/no schedules API/);
  });

  it("proposes a policy set only when it is neither active nor already proposed", () => {
    const policy = { id: "forbid-billing", text: "forbid (principal, action, resource);\n" };
    const config: LoadedConfig = { ...loaded("apiVersion: baton/v1\n"), policy: { note: "why", policies: [policy] } };
    const propose = planConfig(config, empty({ policy: { active: [{ id: "old", text: "permit (principal, action, resource);" }], pending: [] } }), {
      prune: false,
    });
    expect(propose.changes).toEqual([
      { kind: "policy", action: "propose", name: "policy set", policies: [policy], note: "why", added: ["forbid-billing"], changed: [], removed: ["old"] },
    ]);
    expect(
      planConfig(config, empty({ policy: { active: [{ ...policy, text: "forbid (principal, action, resource);  " }], pending: [] } }), { prune: false })
        .changes,
    ).toEqual([]);
    const pending = planConfig(config, empty({ policy: { active: [], pending: [{ id: "pp_1", policies: [policy] }] } }), { prune: false });
    expect(pending.changes).toEqual([]);
    expect(pending.warnings).toEqual([expect.stringContaining("already proposed (pp_1)")]);
  });
});

describe("export", () => {
  it("round-trips: the export parses back to the state it was written from", () => {
    const config = loaded();
    const text = exportConfig(stateOf(config));
    expect(text).toContain("maxDuration: 1h30m");
    expect(text).not.toContain("autoApprove: false");
    const back = loaded(text);
    expect(planConfig(back, stateOf(config), { prune: true }).changes).toEqual([]);
  });

  it("writes durations exactly", () => {
    expect([60, 5400, 90061, 7 * 86400].map(formatExactDuration)).toEqual(["1m", "1h30m", "1d1h1m1s", "7d"]);
  });
});

describe("the commands", () => {
  it("need a file, and say so before calling Baton", async () => {
    const { main } = await import("@/cli/main");
    const err: string[] = [];
    const context = { env: {}, print: () => undefined, warn: (line: string) => err.push(line), stderr: { write: () => true }, stdin: process.stdin };
    expect(await main(["plan"], context)).toBe(1);
    expect(err).toEqual(["baton plan: --file is required (see baton plan --help)"]);
  });
});
