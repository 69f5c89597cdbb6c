import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { decideRequest, type Approver } from "@/lib/approvals/decide-request";
import { verifyChain } from "@/lib/audit/verify-chain";
import { manualClock } from "@/lib/kernel/clock";
import { createAgent } from "@/lib/agents/create-agent";
import { createGroup } from "@/lib/groups/create-group";
import { createScope } from "@/lib/scopes/create-scope";
import { createUser } from "@/lib/users/create-user";
import { cancelRequest } from "@/lib/requests/cancel-request";
import { fileRequest } from "@/lib/requests/file-request";
import { waitForRequest } from "@/lib/requests/wait-for-request";
import { asAgent } from "./api-helpers";

const people: Record<string, Approver> = {};
let agentId: string;
const admin = { kind: "person" as const, userId: "", role: "ADMIN" as const };

async function person(name: string, role: "ADMIN" | "APPROVER" | "VIEWER" | "COMMANDER" = "APPROVER") {
  const user = await createUser({
    principal: admin,
    input: { email: `${name}@example.com`, name, role, password: "a long password 123" },
    baseUrl: "http://localhost",
  });
  people[name] = { kind: "person" as const, userId: user.id, role, authTime: new Date() };
  return user;
}

const file = (scopes: string[], extra: { onBehalfOf?: string; durationSeconds?: number } = {}) =>
  fileRequest({
    principal: asAgent(agentId),
    input: { scopes, justification: "Needed for the nightly reconciliation", durationSeconds: extra.durationSeconds ?? 1800, onBehalfOf: extra.onBehalfOf },
  }).then((r) => r.request.id);
const approve = (who: string, requestId: string, more: { scopes?: string[]; durationSeconds?: number } = {}, approver = people[who]!) =>
  decideRequest({ principal: approver, requestId, decision: { kind: "approve", comment: "", ...more } });
const deny = (who: string, requestId: string) =>
  decideRequest({ principal: people[who]!, requestId, decision: { kind: "deny", reason: "not during the freeze" } });

beforeAll(async () => {
  const root = await prisma.user.create({ data: { id: "usr_root", email: "root@example.com", name: "Root", role: "ADMIN", sessionsValidAfter: new Date(0) } });
  admin.userId = root.id;
  for (const name of ["alice", "bob", "carol", "dana", "erin", "owner"]) await person(name);
  await person("victor", "VIEWER");
  await createGroup({
    principal: admin,
    input: { name: "platform", description: "", memberEmails: ["alice@example.com", "bob@example.com", "erin@example.com", "owner@example.com"] },
  });
  await createGroup({ principal: admin, input: { name: "security", description: "", memberEmails: ["dana@example.com", "erin@example.com"] } });
  await createScope({
    principal: admin,
    input: {
      key: "deploy:write",
      description: "",
      risk: "MEDIUM",
      maxDurationSeconds: 3600,
      approvalsRequired: 1,
      approverGroup: "platform",
      autoApprove: false,
    },
  });
  await createScope({
    principal: admin,
    input: { key: "db:write", description: "", risk: "HIGH", maxDurationSeconds: 3600, approvalsRequired: 2, approverGroup: "platform", autoApprove: false },
  });
  await createScope({
    principal: admin,
    input: {
      key: "secrets:read",
      description: "",
      risk: "HIGH",
      maxDurationSeconds: 3600,
      approvalsRequired: 1,
      approverGroup: "security",
      autoApprove: false,
    },
  });
  await createScope({
    principal: admin,
    input: {
      key: "prod:exec",
      description: "",
      risk: "CRITICAL",
      maxDurationSeconds: 3600,
      approvalsRequired: 1,
      approverGroup: "platform",
      autoApprove: false,
    },
  });
  agentId = (
    await createAgent({
      principal: admin,
      input: { name: "ops-bot", description: "", ownerEmail: "owner@example.com", eligibleScopes: ["deploy:write", "db:write", "secrets:read", "prod:exec"] },
    })
  ).id;
});

describe("approving", () => {
  it("one approval issues the grant, and the waiting agent hears it at once", async () => {
    const id = await file(["deploy:write"]);
    const waiting = waitForRequest({ agentId, requestId: id, waitSeconds: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await approve("alice", id)).toMatchObject({ outcome: "approved", grantId: expect.stringMatching(/^grt_/) });
    const heard = await waiting;
    expect(heard.status).toBe("APPROVED");
    expect(heard.grant).toMatchObject({ scopes: ["deploy:write"], status: "ACTIVE" });
  });

  it("narrows to a subset of scopes and a shorter duration; the clock starts at approval", async () => {
    const clock = manualClock("2030-01-01T00:00:00Z");
    const id = await fileRequest({
      principal: asAgent(agentId),
      input: { scopes: ["deploy:write", "secrets:read"], justification: "Rotate the deploy secrets", durationSeconds: 1800 },
      clock,
    }).then((r) => r.request.id);
    clock.advance(60_000);
    expect(
      (
        await decideRequest({
          principal: people.dana!,
          requestId: id,
          decision: { kind: "approve", comment: "only secrets", scopes: ["secrets:read"], durationSeconds: 600 },
          clock,
        })
      ).outcome,
    ).toBe("approved");
    const grant = await prisma.grant.findUniqueOrThrow({ where: { requestId: id } });
    expect(grant.scopes).toEqual(["secrets:read"]);
    expect(grant.startsAt.toISOString()).toBe("2030-01-01T00:01:00.000Z");
    expect(grant.expiresAt.toISOString()).toBe("2030-01-01T00:11:00.000Z");
    const request = await prisma.accessRequest.findUniqueOrThrow({ where: { id } });
    expect(request.requestedScopes).toEqual(["deploy:write", "secrets:read"]); // what was asked stays apart
  });

  it("refuses widening scopes or duration", async () => {
    const id = await file(["deploy:write"], { durationSeconds: 600 });
    await expect(approve("alice", id, { scopes: ["db:write"] })).rejects.toMatchObject({ status: 400 });
    await expect(approve("alice", id, { durationSeconds: 601 })).rejects.toMatchObject({ status: 400 });
    expect(await prisma.approval.count({ where: { requestId: id } })).toBe(0);
  });

  it("needs N distinct approvals from the scope's group", async () => {
    const id = await file(["db:write"]);
    expect((await approve("alice", id)).outcome).toBe("recorded");
    await expect(approve("alice", id)).rejects.toMatchObject({ status: 409 });
    expect((await approve("bob", id)).outcome).toBe("approved");
  });

  it("needs every group of a two-group request, and counts a person in both groups once", async () => {
    const id = await file(["deploy:write", "secrets:read"]);
    expect((await approve("erin", id)).outcome).toBe("recorded");
    expect((await approve("alice", id)).outcome).toBe("approved");
    const other = await file(["deploy:write", "secrets:read"]);
    expect((await approve("alice", other)).outcome).toBe("recorded");
    expect((await approve("bob", other)).outcome).toBe("recorded");
    expect((await approve("dana", other)).outcome).toBe("approved");
  });

  it("one eligible denial denies, with its reason", async () => {
    const id = await file(["db:write"]);
    await approve("alice", id);
    expect((await deny("bob", id)).outcome).toBe("denied");
    expect(await prisma.accessRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DENIED", outcomeReason: "not during the freeze" });
    expect(await prisma.grant.count({ where: { requestId: id } })).toBe(0);
  });
});

describe("who may decide", () => {
  it("refuses the agent's owner, the on-behalf-of person, a viewer and outsiders — and audits each refusal", async () => {
    const id = await file(["deploy:write"], { onBehalfOf: "carol@example.com" });
    await prisma.groupMembership.create({
      data: { groupId: (await prisma.approverGroup.findUniqueOrThrow({ where: { name: "platform" } })).id, userId: people.carol!.userId },
    });
    const before = await prisma.auditEvent.count({ where: { action: "request.approval_refused", subjectId: id } });
    await expect(approve("owner", id)).rejects.toMatchObject({ status: 403, message: expect.stringContaining("own the agent") });
    await expect(approve("carol", id)).rejects.toMatchObject({ status: 403, message: expect.stringContaining("on your behalf") });
    await expect(approve("victor", id)).rejects.toMatchObject({ status: 403 });
    await expect(approve("dana", id)).rejects.toMatchObject({ status: 403, message: expect.stringContaining("not an approver") });
    expect(await prisma.auditEvent.count({ where: { action: "request.approval_refused", subjectId: id } })).toBe(before + 4);
    expect(await prisma.approval.count({ where: { requestId: id } })).toBe(0);
  });

  it("asks for a fresh sign-in before approving a critical scope", async () => {
    const id = await file(["prod:exec"], { durationSeconds: 600 });
    const stale = { ...people.alice!, authTime: new Date(Date.now() - 11 * 60 * 1000) };
    await expect(approve("alice", id, {}, stale)).rejects.toMatchObject({ status: 403, details: { errors: [{ field: "stepUp" }] } });
    expect((await approve("alice", id, {}, { ...people.alice!, authTime: new Date() })).outcome).toBe("approved");
  });
});

describe("races and final states", () => {
  // Many approvers at once, and approve / deny / cancel races over many rounds: tests/integration/concurrency.test.ts.

  it("final states never change: no approving a denied or cancelled request, no denying an approved one", async () => {
    const denied = await file(["deploy:write"]);
    await deny("alice", denied);
    await expect(approve("bob", denied)).rejects.toMatchObject({ status: 409 });
    const cancelled = await file(["deploy:write"]);
    await cancelRequest({ principal: asAgent(agentId), requestId: cancelled });
    await expect(approve("bob", cancelled)).rejects.toMatchObject({ status: 409 });
    const approved = await file(["deploy:write"]);
    await approve("alice", approved);
    await expect(deny("bob", approved)).rejects.toMatchObject({ status: 409 });
  });

  it("a request past its lapse time cannot be approved", async () => {
    const clock = manualClock("2030-06-01T00:00:00Z");
    const id = await fileRequest({
      principal: asAgent(agentId),
      input: { scopes: ["deploy:write"], justification: "Deploy the hotfix build", durationSeconds: 600 },
      clock,
    }).then((r) => r.request.id);
    clock.advance(24 * 3600 * 1000);
    await expect(decideRequest({ principal: people.alice!, requestId: id, decision: { kind: "approve", comment: "" }, clock })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("expired"),
    });
    expect(await prisma.grant.count({ where: { requestId: id } })).toBe(0);
  });

  it("keeps the audit chain intact", async () => {
    expect((await verifyChain()).ok).toBe(true);
  });
});
