import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyChain } from "@/lib/audit/verify-chain";
import { activatePolicySet, readActivePolicySet } from "@/lib/policy/active-policy-set";
import { DEFAULT_POLICIES } from "@/lib/policy/default-policy-set";
import * as policiesRoute from "@/app/api/v1/admin/policies/route";
import * as validateRoute from "@/app/api/v1/admin/policies/validate/route";
import * as proposalsRoute from "@/app/api/v1/admin/policy-proposals/route";
import * as proposalRoute from "@/app/api/v1/admin/policy-proposals/[id]/route";
import * as approveRoute from "@/app/api/v1/admin/policy-proposals/[id]/approve/route";
import * as rejectRoute from "@/app/api/v1/admin/policy-proposals/[id]/reject/route";
import * as simulateRoute from "@/app/api/v1/admin/policies/simulate/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import { call, ensureAdmin } from "./api-helpers";
import { personWithToken } from "./incident-fixtures";

let alice: string;
let bob: { id: string; token: string };
let viewer: string;

const FORBID_BILLING = {
  id: "no-billing-writes",
  text: `@reason("Billing writes are off limits")
forbid (principal, action == Baton::Action::"request", resource == Baton::Scope::"billing:write");`,
};

/** The active set plus (or with) these policies. */
async function activePlus(...policies: { id: string; text: string }[]) {
  const active = (await call(policiesRoute.GET, { token: alice })).json.policies as { id: string; text: string }[];
  return [...active.filter((policy) => !policies.some((p) => p.id === policy.id)), ...policies];
}

async function propose(policies: { id: string; text: string }[], token = alice, note = "A change") {
  return call(proposalsRoute.POST, { token, body: { policies, note } });
}

const approve = (id: string, token: string) => call(approveRoute.POST, { token, params: { id } });
const reject = (id: string, token: string, note?: string) => call(rejectRoute.POST, { token, params: { id }, body: note ? { note } : undefined });

beforeAll(async () => {
  alice = await ensureAdmin();
  bob = await personWithToken(alice, "bob@example.com", "ADMIN");
  viewer = (await personWithToken(alice, "vera@example.com", "APPROVER")).token;
});

describe("the active policy set", () => {
  it("starts as the set generated from the catalog, for admins only", async () => {
    const active = await call(policiesRoute.GET, { token: alice });
    expect(active.status).toBe(200);
    expect(active.json).toMatchObject({ version: "pol_default", author: null, approvedBy: null });
    expect(active.json.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(active.json.policies.map((p: { id: string }) => p.id)).toEqual(DEFAULT_POLICIES.map((p) => p.id).sort());
    expect((await call(policiesRoute.GET, { token: viewer })).status).toBe(403);
    expect((await call(policiesRoute.GET, {})).status).toBe(401);
  });
});

describe("validation", () => {
  it("answers valid, or 400 naming policy, line and column", async () => {
    expect((await call(validateRoute.POST, { token: alice, body: { policies: [FORBID_BILLING] } })).json).toEqual({ valid: true });
    const broken = await call(validateRoute.POST, {
      token: alice,
      body: { policies: [FORBID_BILLING, { id: "typo", text: 'permit (principal, action == Baton::Action::"request", resource)\nwhen { resource.nope };' }] },
    });
    expect(broken.status).toBe(400);
    expect(broken.headers.get("content-type")).toBe("application/problem+json");
    expect(broken.json.errors[0]).toMatchObject({ field: "policies.typo", policyId: "typo", line: 2 });
    expect(broken.json.errors[0].column).toBeGreaterThan(1);
    expect(broken.json.errors[0].message).toMatch(/nope/);
  });

  it("refuses malformed bodies naming the field", async () => {
    const noPolicies = await call(validateRoute.POST, { token: alice, body: {} });
    expect(noPolicies.status).toBe(400);
    expect(noPolicies.json.errors[0].field).toBe("policies");
    const badId = await call(validateRoute.POST, { token: alice, body: { policies: [{ id: "-bad", text: "x" }] } });
    expect(badId.json.errors[0].field).toBe("policies.0.id");
    const duplicate = await call(validateRoute.POST, { token: alice, body: { policies: [FORBID_BILLING, FORBID_BILLING] } });
    expect(duplicate.json.errors[0].field).toBe("policies.1.id");
    const noNote = await call(proposalsRoute.POST, { token: alice, body: { policies: [FORBID_BILLING] } });
    expect(noNote.json.errors[0].field).toBe("note");
    // An object posing as a string makes zod's length check throw: still a 400.
    const posing = await call(proposalsRoute.POST, { token: alice, body: { policies: [FORBID_BILLING], note: { length: { toString: "x" } } } });
    expect(posing.status).toBe(400);
  });
});

describe("proposals", () => {
  it("proposes with a diff, refuses invalid and unchanged sets, and a different admin approves", async () => {
    const invalid = await propose([{ id: "broken", text: "permit (" }]);
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors[0]).toMatchObject({ policyId: "broken", line: 1 });
    const unchanged = await propose(await activePlus());
    expect(unchanged.status).toBe(409);
    expect(unchanged.json.detail).toMatch(/active policy set already/);

    const proposed = await propose(await activePlus(FORBID_BILLING), alice, "Close billing writes");
    expect(proposed.status).toBe(201);
    expect(proposed.json).toMatchObject({ status: "pending", stale: false, note: "Close billing writes", changes: { added: 1, removed: 0, changed: 0 } });
    expect(proposed.json.diff.policies).toEqual([
      { id: "no-billing-writes", change: "added", patch: expect.stringContaining('+forbid (principal, action == Baton::Action::"request"') },
    ]);
    const id = proposed.json.id as string;

    const listed = await call(proposalsRoute.GET, { token: bob.token });
    expect(listed.json.items[0]).toMatchObject({ id, status: "pending", proposedBy: { email: "admin@example.com" } });
    expect((await call(proposalRoute.GET, { token: bob.token, params: { id } })).json.policies).toContainEqual(FORBID_BILLING);

    const own = await approve(id, alice);
    expect(own.status).toBe(403);
    expect(own.json.detail).toMatch(/different admin/);
    expect((await approve(id, viewer)).status).toBe(403);
    expect((await readActivePolicySet()).version.id).toBe("pol_default");

    const approved = await approve(id, bob.token);
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: "approved", decidedBy: { id: bob.id } });
    const active = await call(policiesRoute.GET, { token: alice });
    expect(active.json).toMatchObject({
      version: approved.json.versionId,
      hash: proposed.json.hash,
      note: "Close billing writes",
      author: { email: "admin@example.com" },
      approvedBy: { id: bob.id },
    });
    expect((await readActivePolicySet()).compiled.byId.has("no-billing-writes")).toBe(true);

    expect((await approve(id, bob.token)).status).toBe(409);
    expect((await reject(id, bob.token)).status).toBe(409);

    const events = await prisma.auditEvent.findMany({ where: { subjectKind: "policy" }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["policy.proposed", "policy.activated"]);
    expect(events[1]).toMatchObject({ actorId: bob.id, subjectId: approved.json.versionId, data: { proposalId: id, hash: proposed.json.hash } });
  });

  it("refuses to approve a proposal written against a version that is no longer active", async () => {
    const first = await propose(await activePlus({ id: "first", text: 'permit (principal, action == Baton::Action::"call", resource);' }));
    const second = await propose(await activePlus({ id: "second", text: 'permit (principal, action == Baton::Action::"call", resource);' }));
    expect((await approve(first.json.id, bob.token)).status).toBe(200);
    expect((await call(proposalRoute.GET, { token: alice, params: { id: second.json.id } })).json.stale).toBe(true);
    const stale = await approve(second.json.id, bob.token);
    expect(stale.status).toBe(409);
    expect(stale.json.detail).toMatch(/propose the change again/);
    expect((await readActivePolicySet()).compiled.byId.has("second")).toBe(false);
  });

  it("gives two concurrent approvals exactly one outcome", async () => {
    const carol = await personWithToken(alice, "carol@example.com", "ADMIN");
    const proposed = await propose(await activePlus({ id: "race", text: 'permit (principal, action == Baton::Action::"call", resource);' }));
    const versionsBefore = await prisma.policySetVersion.count();
    const answers = await Promise.all([approve(proposed.json.id, bob.token), approve(proposed.json.id, carol.token)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await prisma.policySetVersion.count()).toBe(versionsBefore + 1);
    // Two different proposals on one base: one wins, the other is stale.
    const a = await propose(await activePlus({ id: "race-a", text: 'permit (principal, action == Baton::Action::"call", resource);' }));
    const b = await propose(await activePlus({ id: "race-b", text: 'permit (principal, action == Baton::Action::"call", resource);' }));
    const both = await Promise.all([approve(a.json.id, bob.token), approve(b.json.id, carol.token)]);
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await prisma.policySetVersion.count()).toBe(versionsBefore + 2);
  });

  it("rejects, and lets the proposer withdraw", async () => {
    const withdrawn = await propose(await activePlus({ id: "withdrawn", text: 'permit (principal, action == Baton::Action::"call", resource);' }));
    const answer = await reject(withdrawn.json.id, alice, "Not yet");
    expect(answer.json).toMatchObject({ status: "rejected", decisionNote: "Not yet", decidedBy: { email: "admin@example.com" } });
    const rejected = await propose(await activePlus({ id: "rejected", text: 'permit (principal, action == Baton::Action::"call", resource);' }));
    expect((await reject(rejected.json.id, bob.token)).json.status).toBe("rejected");
    expect((await approve(rejected.json.id, bob.token)).status).toBe(409);
    const events = await prisma.auditEvent.findMany({ where: { action: "policy.proposal_rejected" }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.data)).toMatchObject([{ withdrawn: true, note: "Not yet" }, { withdrawn: false }]);
    expect((await call(proposalsRoute.GET, { token: alice, path: "/api/v1/admin/policy-proposals?status=rejected" })).json.items).toHaveLength(2);
    expect((await call(approveRoute.POST, { token: bob.token, params: { id: "ppr_nope" } })).json.errors[0].field).toBe("path.id");
  });

  it("never lets an invalid set become active", async () => {
    const me = await prisma.user.findUniqueOrThrow({ where: { email: "bob@example.com" } });
    await expect(
      prisma.$transaction((tx) =>
        activatePolicySet(tx, {
          policies: [{ id: "broken", text: "permit (" }],
          note: "",
          authorId: null,
          approvedBy: { kind: "USER", id: me.id },
          proposalId: null,
          now: new Date(),
        }),
      ),
    ).rejects.toThrow(/does not validate/);
    expect((await readActivePolicySet()).compiled.byId.has("broken")).toBe(false);
    expect((await verifyChain()).ok).toBe(true);
  });
});

describe("simulation", () => {
  it("replays the period's requests and one hypothetical request through the proposed set", async () => {
    expect((await call(scopesRoute.POST, { token: alice, body: { key: "sim.reports:read", risk: "LOW", maxDurationSeconds: 3600 } })).status).toBe(201);
    const agent = await call(agentsRoute.POST, {
      token: alice,
      body: { name: "sim-bot", ownerEmail: "bob@example.com", eligibleScopes: ["sim.reports:read"] },
    });
    const key = (await call(keysRoute.POST, { token: alice, params: { id: agent.json.id } })).json.key as string;
    const filed = await call(requestsRoute.POST, { token: key, body: { scopes: ["sim.reports:read"], justification: "Monthly report", durationSeconds: 600 } });
    expect(filed.status).toBe(201);
    const forbid = {
      id: "no-sim-reports",
      text: `@reason("Reports are closed")\nforbid (principal, action == Baton::Action::"request", resource == Baton::Scope::"sim.reports:read");`,
    };
    const simulated = await call(simulateRoute.POST, {
      token: bob.token,
      body: { policies: await activePlus(forbid), request: { agentId: agent.json.id, scopes: ["sim.reports:read"], durationSeconds: 600 } },
    });
    expect(simulated.status).toBe(200);
    expect(simulated.json.requestCount).toBeGreaterThanOrEqual(1);
    expect(simulated.json.transitions).toEqual([
      expect.objectContaining({
        from: "routed",
        to: "denied",
        count: 1,
        requests: [{ id: filed.json.id, policies: [{ id: "no-sim-reports", reason: "Reports are closed" }] }],
      }),
    ]);
    expect(simulated.json.hypothetical).toMatchObject({
      current: { outcome: "routed" },
      proposed: { outcome: "denied", policies: [{ id: "no-sim-reports" }] },
    });
    // Nothing was written: the active set is unchanged.
    expect((await readActivePolicySet()).compiled.byId.has("no-sim-reports")).toBe(false);
  });

  it("refuses an invalid set, a bad period and non-admins", async () => {
    const invalid = await call(simulateRoute.POST, { token: alice, body: { policies: [{ id: "broken", text: "permit (" }] } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors[0]).toMatchObject({ policyId: "broken", line: 1 });
    const since = await call(simulateRoute.POST, { token: alice, body: { policies: await activePlus(), since: "yesterday" } });
    expect(since.json.errors[0].field).toBe("since");
    const tooEarly = await call(simulateRoute.POST, { token: alice, body: { policies: await activePlus(), since: "2020-01-01T00:00:00.000Z" } });
    expect(tooEarly.json.errors[0].field).toBe("since");
    expect((await call(simulateRoute.POST, { token: viewer, body: { policies: await activePlus() } })).status).toBe(403);
  });
});
