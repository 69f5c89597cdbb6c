import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { decideRequest, type Approver } from "@/lib/approvals/decide-request";
import { getRequestDetail } from "@/lib/approvals/get-request-detail";
import { listInbox } from "@/lib/approvals/list-inbox";
import { createAgent } from "@/lib/agents/create-agent";
import { createGroup } from "@/lib/groups/create-group";
import { grantIncidentAuthority } from "@/lib/incidents/grant-incident-authority";
import { openIncident } from "@/lib/incidents/open-incident";
import { cancelRequest } from "@/lib/requests/cancel-request";
import { fileRequest } from "@/lib/requests/file-request";
import { createScope } from "@/lib/scopes/create-scope";
import { createUser } from "@/lib/users/create-user";
import { asAgent } from "./api-helpers";

// Approvals count from who sits in the deciding groups when the request is decided (issue 12, security 7),
// and every screen reads the same count (screens 1).

const people: Record<string, Approver> = {};
const admin = { kind: "person" as const, userId: "", role: "ADMIN" as const };
let agentId: string;
let platformId: string;

async function person(name: string, role: "ADMIN" | "APPROVER" | "COMMANDER" = "APPROVER") {
  const user = await createUser({
    principal: admin,
    input: { email: `${name}@example.com`, name, role, password: "a long password 123" },
    baseUrl: "http://localhost",
  });
  people[name] = { kind: "person" as const, userId: user.id, role, authTime: new Date() };
}

const file = (scopes: string[], durationSeconds = 1800) =>
  fileRequest({ principal: asAgent(agentId), input: { scopes, justification: "Needed for the nightly reconciliation", durationSeconds } }).then(
    (r) => r.request.id,
  );
const approve = (who: string, requestId: string, more: { scopes?: string[]; durationSeconds?: number } = {}) =>
  decideRequest({ principal: people[who]!, requestId, decision: { kind: "approve", comment: "", ...more } });
const removeFromPlatform = (who: string) => prisma.groupMembership.deleteMany({ where: { groupId: platformId, userId: people[who]!.userId } });
const addToPlatform = (who: string) => prisma.groupMembership.create({ data: { groupId: platformId, userId: people[who]!.userId } });
const viewer = (who: string) => ({ kind: "person" as const, userId: people[who]!.userId, role: people[who]!.role });

beforeAll(async () => {
  const root = await prisma.user.create({ data: { id: "usr_root", email: "root@example.com", name: "Root", role: "ADMIN", sessionsValidAfter: new Date(0) } });
  admin.userId = root.id;
  for (const name of ["alice", "bob", "carol", "dana", "owner"]) await person(name);
  await person("cody", "COMMANDER");
  platformId = (
    await createGroup({
      principal: admin,
      input: { name: "platform", description: "", memberEmails: ["alice@example.com", "bob@example.com", "carol@example.com"] },
    })
  ).id;
  await createGroup({ principal: admin, input: { name: "security-approvers", description: "", memberEmails: ["dana@example.com"] } });
  await createScope({
    principal: admin,
    input: { key: "db:write", description: "", risk: "HIGH", maxDurationSeconds: 3600, approvalsRequired: 2, approverGroup: "platform", autoApprove: false },
  });
  await createScope({
    principal: admin,
    input: { key: "db:read", description: "", risk: "LOW", maxDurationSeconds: 3600, approvalsRequired: 2, approverGroup: "platform", autoApprove: false },
  });
  await createScope({
    principal: admin,
    input: {
      key: "prod:exec",
      description: "",
      risk: "CRITICAL",
      maxDurationSeconds: 3600,
      approvalsRequired: 1,
      approverGroup: "security-approvers",
      autoApprove: false,
    },
  });
  agentId = (
    await createAgent({
      principal: admin,
      input: { name: "ops-bot", description: "", ownerEmail: "owner@example.com", eligibleScopes: ["db:write", "db:read", "prod:exec"] },
    })
  ).id;
});

describe("an approver removed from the group after voting", () => {
  it("no longer fills a seat: the quorum is counted from current membership when the request is decided", async () => {
    const id = await file(["db:write"]);
    expect((await approve("alice", id)).outcome).toBe("recorded");
    await removeFromPlatform("alice");
    try {
      // Before the removal bob's approval would have completed 2 of 2; now it is 1 of 2.
      expect((await approve("bob", id)).outcome).toBe("recorded");
      expect((await approve("carol", id)).outcome).toBe("approved");
    } finally {
      await addToPlatform("alice");
    }
  });

  it("no longer narrows the grant, and is listed apart in request.approved (and so in its webhook)", async () => {
    const id = await file(["db:write", "db:read"], 1800);
    await approve("alice", id, { scopes: ["db:read"], durationSeconds: 600 });
    await removeFromPlatform("alice");
    try {
      await approve("bob", id);
      expect((await approve("carol", id)).outcome).toBe("approved");
    } finally {
      await addToPlatform("alice");
    }
    const grant = await prisma.grant.findUniqueOrThrow({ where: { requestId: id } });
    expect(grant.scopes).toEqual(["db:write", "db:read"]);
    expect(grant.expiresAt.getTime() - grant.startsAt.getTime()).toBe(1800 * 1000);
    const approved = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "request.approved" } });
    expect(approved.data).toMatchObject({
      approvers: [people.bob!.userId, people.carol!.userId],
      notCounted: [{ approverId: people.alice!.userId, reason: "no longer an approver" }],
    });
    // Back in the group now, but the request page shows what the decision counted.
    const detail = await getRequestDetail({ principal: viewer("bob"), requestId: id });
    expect(detail!.approvals.map((a) => [a.approver, a.notCounted])).toEqual([
      ["alice", "no longer an approver"],
      ["bob", null],
      ["carol", null],
    ]);
  });

  it("a disabled approver's vote stops counting too", async () => {
    const id = await file(["db:write"]);
    await approve("alice", id);
    await prisma.user.update({ where: { id: people.alice!.userId }, data: { disabled: true } });
    try {
      const detail = await getRequestDetail({ principal: viewer("bob"), requestId: id });
      expect(detail).toMatchObject({ approvalsHad: 0, approvalsNeeded: 2, stillNeeded: "needs 2 more from platform" });
      expect(detail!.approvals).toMatchObject([{ approver: "alice", notCounted: "no longer an approver" }]);
      expect((await approve("bob", id)).outcome).toBe("recorded");
    } finally {
      await prisma.user.update({ where: { id: people.alice!.userId }, data: { disabled: false } });
    }
  });
});

describe("truthful counts", () => {
  it("a commander's critical authority request reads 0 of 1, needing 1 more, in the approvers' inbox", async () => {
    const incident = await openIncident({ principal: viewer("cody"), input: { title: "Checkout down", severity: "SEV1" } });
    const filed = await grantIncidentAuthority({
      principal: { ...viewer("cody"), authTime: new Date() },
      incidentId: incident.id,
      input: { agentId, scopes: ["prod:exec"], durationSeconds: 600, reason: "Restart the checkout pods" },
    });
    expect(filed.outcome).toBe("awaiting_second_approval");
    const inbox = await listInbox({ principal: viewer("dana") });
    const item = inbox.items.find((candidate) => candidate.id === filed.requestId)!;
    expect(item).toMatchObject({ approvalsHad: 0, approvalsNeeded: 1, stillNeeded: "needs 1 more from security-approvers", canDecide: true });
    expect(item.approvals).toMatchObject([{ approver: "cody", decision: "APPROVE", notCounted: "filed the request" }]);

    expect((await approve("dana", filed.requestId!)).outcome).toBe("approved");
    const approved = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: filed.requestId!, action: "request.approved" } });
    expect(approved.data).toMatchObject({ approvers: [people.dana!.userId], notCounted: [{ approverId: people.cody!.userId, reason: "filed the request" }] });
  });

  it("names every group still owed, and counts only the seats that are filled", async () => {
    const id = await file(["db:write", "prod:exec"], 600);
    await approve("alice", id);
    const detail = await getRequestDetail({ principal: viewer("bob"), requestId: id });
    expect(detail).toMatchObject({
      approvalsHad: 1,
      approvalsNeeded: 3,
      approvalGroups: [
        { group: "platform", required: 2, had: 1 },
        { group: "security-approvers", required: 1, had: 0 },
      ],
      stillNeeded: "needs 1 more from platform and 1 more from security-approvers",
    });
  });
});

describe("a late decision names the decider", () => {
  it("a 409 says who approved, denied or cancelled first, and why", async () => {
    const denied = await file(["db:write"]);
    await decideRequest({ principal: people.alice!, requestId: denied, decision: { kind: "deny", reason: "not during the freeze" } });
    await expect(approve("bob", denied)).rejects.toMatchObject({ status: 409, message: "The request is already denied, by alice: not during the freeze" });

    const approved = await file(["db:read"]);
    await approve("alice", approved);
    await approve("bob", approved);
    await expect(approve("carol", approved)).rejects.toMatchObject({ status: 409, message: "The request is already approved, by bob" });
    await expect(cancelRequest({ principal: asAgent(agentId), requestId: approved })).rejects.toMatchObject({
      status: 409,
      message: "The request is already approved, by bob; it cannot be cancelled",
    });

    const cancelled = await file(["db:read"]);
    await cancelRequest({ principal: asAgent(agentId), requestId: cancelled, reason: "done without it" });
    await expect(approve("carol", cancelled)).rejects.toMatchObject({
      status: 409,
      message: "The request is already cancelled, by the agent ops-bot: done without it",
    });
  });
});
