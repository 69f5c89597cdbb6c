import { beforeAll, describe, expect, it } from "vitest";
import * as decisionsRoute from "@/app/api/v1/decisions/route";
import { prisma } from "@/lib/db";
import { decideRequest } from "@/lib/approvals/decide-request";
import { activatePolicySet, readActivePolicySet } from "@/lib/policy/active-policy-set";
import { DEFAULT_POLICIES } from "@/lib/policy/default-policy-set";
import { simulatePolicySet } from "@/lib/policy/simulate-policy-set";
import type { PolicyDocument } from "@/lib/policy/schemas";
import { fileRequest } from "@/lib/requests/file-request";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/kernel/principal";
import { asAgent, call, ensureAdmin } from "./api-helpers";
import { CRM, setUpWorld, type World } from "./resource-server-fixtures";

let admin: string;
let world: World;
const people: Record<string, string> = {};

const activate = (policies: PolicyDocument[], note = "test") =>
  prisma.$transaction((tx) => activatePolicySet(tx, { policies, note, authorId: null, approvedBy: SYSTEM_AUDIT_ACTOR, proposalId: null, now: new Date() }));
const file = (scopes: string[], extra: { onBehalfOf?: string; durationSeconds?: number } = {}) =>
  fileRequest({
    principal: asAgent(world.ops.id, "ops-bot"),
    input: { scopes, justification: "Needed for the nightly reconciliation", durationSeconds: extra.durationSeconds ?? 600, onBehalfOf: extra.onBehalfOf },
  }).then((r) => r.request);
const approveAs = (email: string, requestId: string) =>
  decideRequest({
    principal: { kind: "person", userId: people[email]!, role: "APPROVER", authTime: new Date() },
    requestId,
    decision: { kind: "approve", comment: "" },
  });

const SRE_ROUTING: PolicyDocument[] = [
  ...DEFAULT_POLICIES.filter((policy) => policy.id !== "catalog-auto-approve"),
  {
    id: "writes-to-sre",
    text: `@reason("CRM writes need two SREs") @route("sre-approvers") @quorum("2")
permit (principal, action == Baton::Action::"route", resource) when { resource.key like "crm.*:write" };`,
  },
  {
    id: "invoices-for-support",
    text: `@reason("Invoices only on behalf of support staff")
forbid (principal, action == Baton::Action::"request", resource)
when { resource.key like "billing.*" } unless { context has onBehalfOf && context.onBehalfOf in Baton::ApproverGroup::"support" };`,
  },
];

beforeAll(async () => {
  admin = await ensureAdmin();
  world = await setUpWorld(admin);
  for (const email of ["sre1@example.com", "sre2@example.com", "agent@example.com"]) {
    const user = await prisma.user.create({ data: { id: `usr_${email.split("@")[0]}`, email, name: email, role: "APPROVER" } });
    people[email] = user.id;
  }
  people["alice@example.com"] = (await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } })).id;
  await prisma.approverGroup.create({
    data: { id: "grp_sre", name: "sre-approvers", members: { create: [{ userId: people["sre1@example.com"]! }, { userId: people["sre2@example.com"]! }] } },
  });
  await prisma.approverGroup.create({ data: { id: "grp_support", name: "support", members: { create: [{ userId: people["agent@example.com"]! }] } } });
});

describe("filing under the default policy set", () => {
  it("grants auto-approve scopes at once and explains it", async () => {
    const request = await file(["crm.customers:read"]);
    expect(request.status).toBe("APPROVED");
    expect(request.routing).toMatchObject({
      outcome: "auto_approved",
      policies: [{ id: "catalog-auto-approve", reason: "The scope is marked auto-approve in the catalog" }],
    });
    const active = await readActivePolicySet();
    expect(request.routing!.policySetHash).toBe(active.version.hash);
    const filed = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: request.id, action: "request.filed" } });
    expect(filed.data).toMatchObject({ routing: { outcome: "auto_approved", policies: ["catalog-auto-approve"], policySetHash: active.version.hash } });
  });
});

describe("filing under an activated policy set", () => {
  beforeAll(async () => {
    await activate(SRE_ROUTING, "route CRM writes to SRE");
  });

  it("routes by policy to the named group with its quorum, and counts approvals against it", async () => {
    const request = await file(["crm.customers:write"]);
    expect(request.status).toBe("PENDING");
    expect(request.routing).toMatchObject({
      outcome: "routed",
      requirements: [
        { group: "crm-approvers", quorum: 1, scopes: ["crm.customers:write"] },
        { group: "sre-approvers", quorum: 2, scopes: ["crm.customers:write"] },
      ],
    });
    expect(request.routing!.policies.map((p) => p.id)).toEqual(["catalog-routing", "writes-to-sre"]);
    // Every group must agree: alice (crm-approvers) and two SREs.
    expect((await approveAs("sre1@example.com", request.id)).outcome).toBe("recorded");
    expect((await approveAs("alice@example.com", request.id)).outcome).toBe("recorded");
    expect((await approveAs("sre2@example.com", request.id)).outcome).toBe("approved");
  });

  it("refuses an approver the policy did not route to", async () => {
    const request = await file(["crm.customers:read"]);
    expect(request.routing!.requirements).toEqual([{ group: "admins", quorum: 1, stepUp: false, scopes: ["crm.customers:read"] }]);
    await expect(approveAs("sre1@example.com", request.id)).rejects.toThrow(/not an approver for the scopes/);
  });

  it("denies what a forbid covers, filed as DENIED with the reason, audited", async () => {
    const denied = await file(["billing.invoices:read"]);
    expect(denied.status).toBe("DENIED");
    expect(denied.reason).toContain("Invoices only on behalf of support staff (invoices-for-support)");
    expect(denied.routing).toMatchObject({ outcome: "denied", policies: [{ id: "invoices-for-support" }] });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: denied.id, action: "request.denied" } });
    expect(event.actorKind).toBe("SYSTEM");
    expect(event.data).toMatchObject({ route: "policy", policies: ["invoices-for-support"] });

    await prisma.user.update({ where: { id: people["agent@example.com"]! }, data: {} });
    const allowed = await file(["billing.invoices:read"], { onBehalfOf: "agent@example.com" });
    expect(allowed.status).toBe("PENDING");
  });

  it("simulates the active set against a proposal: which requests would change, and by which policies", async () => {
    const result = await simulatePolicySet({ policies: [...DEFAULT_POLICIES], now: new Date() });
    expect(result.requestCount).toBeGreaterThanOrEqual(5);
    const denialsLifted = result.transitions.find((t) => t.from === "denied");
    expect(denialsLifted).toMatchObject({ to: "auto_approved", count: 1 });
    const routedToAuto = result.transitions.find((t) => t.from === "routed" && t.to === "auto_approved");
    expect(routedToAuto!.requests[0]!.policies).toEqual([{ id: "catalog-auto-approve", reason: "The scope is marked auto-approve in the catalog" }]);
    expect(result.unchanged + result.transitions.reduce((sum, t) => sum + t.count, 0)).toBe(result.requestCount);

    const one = await simulatePolicySet({
      policies: [...DEFAULT_POLICIES],
      request: { agentId: world.ops.id, scopes: ["billing.invoices:read"], durationSeconds: 600 },
      now: new Date(),
    });
    expect(one.hypothetical).toMatchObject({ current: { outcome: "denied" }, proposed: { outcome: "auto_approved" } });
  });

  it("refuses to simulate or activate a set that does not validate, naming policy, line and column", async () => {
    const broken = [{ id: "broken", text: "permit (principal, action, resource)\nwhen { resource.nope };" }];
    await expect(simulatePolicySet({ policies: broken, now: new Date() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { errors: [{ policyId: "broken", line: 2 }] },
    });
    const before = await readActivePolicySet();
    await expect(activate(broken)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await readActivePolicySet()).version.id).toBe(before.version.id);
  });
});

describe("every call is a policy decision", () => {
  it("denies a call a call policy forbids, with its reason, and allows again once it is gone", async () => {
    const filed = await fileRequest({
      principal: asAgent(world.ops.id, "ops-bot"),
      input: { scopes: ["crm.customers:read"], justification: "Reconciling customer invoices", durationSeconds: 600 },
    });
    // Under SRE_ROUTING reads are routed: approve as an admin.
    const adminUser = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    await decideRequest({
      principal: { kind: "person", userId: adminUser.id, role: "ADMIN", authTime: new Date() },
      requestId: filed.request.id,
      decision: { kind: "approve", comment: "" },
    });
    const ask = () => call(decisionsRoute.POST, { token: world.crmSecret, body: { agentId: world.ops.id, scope: "crm.customers:read" } });
    const allowed = await ask();
    expect(allowed.json).toMatchObject({ allow: true, reason: "granted", policies: [{ id: "catalog-calls" }] });

    await activate([
      ...SRE_ROUTING,
      {
        id: "no-crm-without-owner",
        text: `@reason("CRM calls only for agents owned by an SRE")
forbid (principal, action == Baton::Action::"call", resource) when { resource.key like "crm.*" } unless { principal.owner in Baton::ApproverGroup::"sre-approvers" };`,
      },
    ]);
    await expect
      .poll(async () => (await ask()).json, { timeout: 5000 })
      .toMatchObject({
        allow: false,
        reason: "policy_denied",
        policies: [{ id: "no-crm-without-owner", reason: "CRM calls only for agents owned by an SRE" }],
      });
    await activate(SRE_ROUTING);
    await expect.poll(async () => (await ask()).json.allow, { timeout: 5000 }).toBe(true);
    expect(CRM).toBeTruthy();
  });
});

describe("the acceptance policies, with context sources", () => {
  const ACCEPTANCE: PolicyDocument[] = [
    ...DEFAULT_POLICIES.filter((policy) => policy.id !== "catalog-auto-approve"),
    {
      id: "oncall-reads",
      text: `@reason("On-call bots read while a SEV1 or SEV2 they are bound to is open")
permit (principal, action == Baton::Action::"autoApprove", resource)
when { resource.key like "*:read" && principal.tags.contains("oncall-bot") && context has incident
       && context.incident.status == "OPEN" && ["SEV1", "SEV2"].contains(context.incident.severity) };`,
    },
    {
      id: "writes-in-window",
      text: `@reason("CRM writes only inside the production change window")
forbid (principal, action == Baton::Action::"request", resource)
when { resource.key like "crm.*:write" } unless { context.schedules.contains("prod-change-window") };`,
    },
    {
      id: "route-to-on-call",
      text: `@reason("While someone in sre-approvers is on call, they decide") @route("sre-approvers")
permit (principal, action == Baton::Action::"route", resource) when { context.onCallGroups.contains("sre-approvers") };`,
    },
  ];

  it("auto-approves reads for a tagged bot bound to an open SEV1, denies writes outside the window, routes to on-call", async () => {
    await activate(ACCEPTANCE);
    await prisma.agent.update({ where: { id: world.ops.id }, data: { tags: ["oncall-bot"] } });
    const incident = await prisma.incident.create({ data: { id: "inc_sev1", title: "Checkout down", severity: "SEV1", status: "OPEN" } });
    const bound = await fileRequest({
      principal: asAgent(world.ops.id, "ops-bot"),
      input: { scopes: ["crm.customers:read"], justification: "Reading orders for the incident", durationSeconds: 600, incidentId: incident.id },
    });
    expect(bound.request.status).toBe("APPROVED");
    expect(bound.request.routing!.policies).toEqual([{ id: "oncall-reads", reason: "On-call bots read while a SEV1 or SEV2 they are bound to is open" }]);
    expect((await file(["crm.customers:read"])).status).toBe("PENDING");

    const outside = await file(["crm.customers:write"]);
    expect(outside).toMatchObject({ status: "DENIED", routing: { outcome: "denied", policies: [{ id: "writes-in-window" }] } });
    // A window open around the clock today.
    await prisma.schedule.create({
      data: {
        id: "sch_window",
        name: "prod-change-window",
        timezone: "UTC",
        weeklyRules: [{ days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], start: "00:00", end: "00:00" }],
      },
    });
    await prisma.onCallShift.create({ data: { groupId: "grp_sre", userId: people["sre1@example.com"]! } });
    const inside = await file(["crm.customers:write"]);
    expect(inside.status).toBe("PENDING");
    expect(inside.routing!.requirements.map((r) => [r.group, r.quorum])).toEqual([
      ["crm-approvers", 1],
      ["sre-approvers", 1],
    ]);
    await prisma.agent.update({ where: { id: world.ops.id }, data: { tags: [] } });
  });
});
