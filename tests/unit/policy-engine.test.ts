import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requirementsFor } from "@/lib/approvals/quorum";
import { compilePolicySet } from "@/lib/policy/compile-policy-set";
import { decideCall } from "@/lib/policy/decide-call";
import { decideFiling, type FilingFacts } from "@/lib/policy/decide-filing";
import { DEFAULT_POLICIES } from "@/lib/policy/default-policy-set";
import { callQuestion, type AgentFacts, type PersonFacts, type ScopeFacts } from "@/lib/policy/policy-facts";
import type { PolicyDocument } from "@/lib/policy/schemas";
import { validatePolicies } from "@/lib/policy/validate-policies";

const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  id: "usr_1",
  email: "a@example.com",
  name: "A",
  role: "APPROVER",
  groups: [],
  onCallFor: [],
  ...over,
});
const agent = (over: Partial<AgentFacts> = {}): AgentFacts => ({
  id: "agt_1",
  name: "bot",
  owner: person({ id: "usr_owner" }),
  tags: [],
  status: "ACTIVE",
  ...over,
});
const scope = (key: string, over: Partial<ScopeFacts> = {}): ScopeFacts => ({
  key,
  risk: "LOW",
  tags: [],
  maxDurationSeconds: 3600,
  autoApprove: false,
  approvalsRequired: 1,
  approverGroup: null,
  resourceServer: null,
  ...over,
});

function compile(policies: readonly PolicyDocument[]) {
  const { read, errors } = validatePolicies(policies);
  expect(errors).toEqual([]);
  return compilePolicySet("test", read);
}

const facts = (over: Partial<FilingFacts> & { scopes: ScopeFacts[] }): FilingFacts => ({
  agent: agent(),
  request: {
    id: "req_1",
    scopes: over.scopes.map((s) => s.key),
    durationSeconds: 900,
    justification: "because",
    contextRef: null,
    onBehalfOf: null,
    incident: null,
    locations: [],
    actions: [],
  },
  env: { now: new Date("2026-12-07T10:00:00Z"), openSchedules: [], onCallGroups: [] },
  groupIds: new Map([["sre-approvers", "grp_sre"]]),
  ...over,
});

describe("validatePolicies", () => {
  it("accepts the default set", () => {
    expect(validatePolicies(DEFAULT_POLICIES).errors).toEqual([]);
  });

  it("places a syntax error at its line and column", () => {
    const { errors } = validatePolicies([{ id: "bad", text: "permit (principal, action, resource)\nwhen { resource.key == };" }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ policyId: "bad", line: 2, column: 24 });
  });

  it("names an attribute the schema does not have", () => {
    const { errors } = validatePolicies([
      { id: "typo", text: 'permit (principal, action == Baton::Action::"route", resource)\nwhen { resource.riskk == "LOW" };' },
    ]);
    expect(errors[0]).toMatchObject({ policyId: "typo", line: 2 });
    expect(errors[0]!.message).toMatch(/riskk/);
  });

  it("refuses two policies in one document, templates, and annotations it cannot read", () => {
    const two = validatePolicies([{ id: "two", text: "permit (principal, action, resource);\nforbid (principal, action, resource);" }]).errors;
    expect(two[0]!.message).toMatch(/exactly one/);
    expect(validatePolicies([{ id: "tpl", text: "permit (principal == ?principal, action, resource);" }]).errors[0]!.message).toMatch(/templates/);
    expect(
      validatePolicies([{ id: "q", text: '@quorum("0") @route("x") permit (principal, action == Baton::Action::"route", resource);' }]).errors[0]!.message,
    ).toMatch(/@quorum/);
    expect(validatePolicies([{ id: "r", text: '@route("x") permit (principal, action == Baton::Action::"call", resource);' }]).errors[0]!.message).toMatch(
      /@route/,
    );
  });
});

describe("decideFiling", () => {
  const acceptance: PolicyDocument[] = [
    ...DEFAULT_POLICIES.filter((p) => p.id !== "catalog-routing"),
    {
      id: "oncall-reads",
      text: `@reason("On-call bots read during a SEV1 or SEV2 they are bound to")
permit (principal, action == Baton::Action::"autoApprove", resource)
when { resource.key like "*:read" && principal.tags.contains("oncall-bot") && context has incident
       && context.incident.status == "OPEN" && ["SEV1", "SEV2"].contains(context.incident.severity) };`,
    },
    {
      id: "deploys-to-sre",
      text: `@reason("Deploys need two SREs") @route("sre-approvers") @quorum("2")
permit (principal, action == Baton::Action::"route", resource) when { resource.key like "deploy.*" };`,
    },
    {
      id: "deploys-in-window",
      text: `@reason("Deploys only inside the production change window")
forbid (principal, action == Baton::Action::"request", resource)
when { resource.key like "deploy.*" } unless { context.schedules.contains("prod-change-window") };`,
    },
    {
      id: "billing-writes-for-support",
      text: `@reason("Billing writes only on behalf of support staff")
forbid (principal, action == Baton::Action::"request", resource)
when { resource.key like "billing.*:write" } unless { context has onBehalfOf && context.onBehalfOf in Baton::ApproverGroup::"support" };`,
    },
  ];
  const set = compile(acceptance);
  const incident = { id: "inc_1", title: "db down", severity: "SEV1", status: "OPEN", commander: null };

  it("auto-approves reads for an on-call bot bound to an open SEV1", () => {
    const routing = decideFiling(set, { ...facts({ scopes: [scope("crm.customers:read")] }), agent: agent({ tags: ["oncall-bot"] }) });
    expect(routing.outcome).toBe("routed");
    const bound = facts({ scopes: [scope("crm.customers:read")] });
    bound.request = { ...bound.request, incident };
    const auto = decideFiling(set, { ...bound, agent: agent({ tags: ["oncall-bot"] }) });
    expect(auto.outcome).toBe("auto_approved");
    expect(auto.policies).toEqual([{ id: "oncall-reads", reason: "On-call bots read during a SEV1 or SEV2 they are bound to" }]);
  });

  it("routes deploys to sre-approvers with quorum 2, only inside the change window", () => {
    const outside = decideFiling(set, facts({ scopes: [scope("deploy.prod:write")] }));
    expect(outside.outcome).toBe("denied");
    expect(outside.policies.map((p) => p.id)).toEqual(["deploys-in-window"]);
    const inside = decideFiling(set, {
      ...facts({ scopes: [scope("deploy.prod:write")] }),
      env: { now: new Date(), openSchedules: ["prod-change-window"], onCallGroups: [] },
    });
    expect(inside.outcome).toBe("routed");
    expect(inside.requirements).toEqual([
      { groupId: "grp_sre", group: "sre-approvers", quorum: 2, stepUp: false, scopes: ["deploy.prod:write"], policies: ["deploys-to-sre"] },
    ]);
  });

  it("forbids billing writes on behalf of anyone outside support", () => {
    const base = facts({ scopes: [scope("billing.refunds:write")] });
    expect(decideFiling(set, base).outcome).toBe("denied");
    const forSupport = { ...base, request: { ...base.request, onBehalfOf: person({ groups: ["support"] }) } };
    const routed = decideFiling(set, forSupport);
    expect(routed.outcome).toBe("routed");
    expect(routed.requirements[0]).toMatchObject({ group: "admins", groupId: null, quorum: 1 });
    expect(routed.notes).toContain("No routing policy matched billing.refunds:write: admins decide");
  });

  it("caps auto-approval with @maxDuration", () => {
    const capped = compile([
      { id: "short", text: '@maxDuration("PT10M") permit (principal, action == Baton::Action::"autoApprove", resource);' },
      ...DEFAULT_POLICIES.filter((p) => p.id !== "catalog-auto-approve"),
    ]);
    expect(
      decideFiling(capped, { ...facts({ scopes: [scope("a:read")] }), request: { ...facts({ scopes: [scope("a:read")] }).request, durationSeconds: 600 } })
        .outcome,
    ).toBe("auto_approved");
    const long = decideFiling(capped, facts({ scopes: [scope("a:read")] }));
    expect(long.outcome).toBe("routed");
    expect(long.notes[0]).toMatch(/limited to 10 min/);
  });

  it("with the default set, follows the catalog", () => {
    const defaults = compile(DEFAULT_POLICIES);
    expect(decideFiling(defaults, facts({ scopes: [scope("a:read", { autoApprove: true })] })).outcome).toBe("auto_approved");
    const routed = decideFiling(
      defaults,
      facts({ scopes: [scope("a:read", { autoApprove: true }), scope("b:write", { approverGroup: { id: "grp_b", name: "b" }, approvalsRequired: 2 })] }),
    );
    expect(routed.outcome).toBe("routed");
    expect(routed.requirements.map((r) => [r.groupId, r.quorum])).toEqual([
      [null, 1],
      ["grp_b", 2],
    ]);
  });
});

describe("decideCall", () => {
  const grant = {
    id: "grt_1",
    scopes: ["crm:read"],
    startsAt: new Date(0),
    expiresAt: new Date(9e12),
    contextRef: null,
    onBehalfOf: null,
    incident: null,
    locations: [],
    actions: [],
  };
  const env = { now: new Date(), openSchedules: [], onCallGroups: [] };

  it("allows under the default set without building the question", () => {
    let built = false;
    const verdict = decideCall(compile(DEFAULT_POLICIES), "crm:read", () => {
      built = true;
      return callQuestion({ agent: agent(), scope: scope("crm:read"), grant, env });
    });
    expect(verdict).toEqual({ allow: true, policies: [{ id: "catalog-calls", reason: "A call is allowed while a live grant holds its scope" }] });
    expect(built).toBe(false);
  });

  it("denies by a forbid on the call's target, with its reason", () => {
    const set = compile([
      ...DEFAULT_POLICIES,
      {
        id: "no-prod",
        text: '@reason("No prod tenants") forbid (principal, action == Baton::Action::"call", resource) when { context has target && context.target.hasTag("env") && context.target.getTag("env") == "prod" };',
      },
    ]);
    const ask = (env2: string) => () =>
      callQuestion({ agent: agent(), scope: scope("crm:read"), grant, env, target: { type: "tenant", id: "acme", properties: { env: env2 } } });
    expect(decideCall(set, "crm:read", ask("dev")).allow).toBe(true);
    expect(decideCall(set, "crm:read", ask("prod"))).toMatchObject({
      allow: false,
      reason: "policy_denied",
      policies: [{ id: "no-prod", reason: "No prod tenants" }],
    });
  });

  it("denies with policy_error when a policy cannot be evaluated", () => {
    const set = compile([
      ...DEFAULT_POLICIES,
      // Validates, but overflows at run time.
      { id: "overflows", text: 'forbid (principal, action == Baton::Action::"call", resource) when { context.now.epochSeconds * 9223372036854775807 > 0 };' },
    ]);
    const verdict = decideCall(set, "crm:read", () => callQuestion({ agent: agent(), scope: scope("crm:read"), grant, env }));
    expect(verdict).toMatchObject({ allow: false, reason: "policy_error" });
  });
});

describe("the default set decides as the catalog did (property)", () => {
  const defaults = compile(DEFAULT_POLICIES);
  const groups = [null, { id: "grp_a", name: "a" }, { id: "grp_b", name: "b" }];
  const scopeArb = fc.record({
    autoApprove: fc.boolean(),
    approvalsRequired: fc.integer({ min: 1, max: 4 }),
    group: fc.constantFrom(...groups),
    risk: fc.constantFrom("LOW", "MEDIUM", "HIGH", "CRITICAL"),
  });

  it("auto-approves exactly when every scope is auto-approve, else routes to each scope's group with its approvals", () => {
    fc.assert(
      fc.property(fc.array(scopeArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 60, max: 3600 }), (specs, durationSeconds) => {
        const scopes = specs.map((spec, i) =>
          scope(`s${i}:read`, { autoApprove: spec.autoApprove, approvalsRequired: spec.approvalsRequired, approverGroup: spec.group, risk: spec.risk }),
        );
        const base = facts({ scopes });
        const routing = decideFiling(defaults, { ...base, request: { ...base.request, durationSeconds } });
        if (scopes.every((s) => s.autoApprove)) return routing.outcome === "auto_approved";
        const expected = requirementsFor(
          scopes.map((s) => ({
            approverGroupId: s.approverGroup?.id ?? null,
            approverGroupName: s.approverGroup?.name ?? null,
            approvalsRequired: s.approvalsRequired,
          })),
          () => new Set(),
        ).map((r) => [r.groupId === "admins" ? null : r.groupId, r.required]);
        expect(routing.outcome).toBe("routed");
        expect(routing.requirements.map((r) => [r.groupId, r.quorum])).toEqual(expected);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
