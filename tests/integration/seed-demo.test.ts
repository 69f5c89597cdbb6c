import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { manualClock } from "@/lib/kernel/clock";
import { verifyPassword } from "@/lib/crypto/password";
import { verifyChain } from "@/lib/audit/verify-chain";
import { insertUser } from "@/lib/users/insert-user";
import { DEMO_PASSWORD } from "@/lib/demo/demo-directory";
import { seedDemo, type SeedDemoResult } from "@/lib/demo/seed-demo";

const now = new Date("2026-11-24T15:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;

async function rowCounts() {
  return {
    users: await prisma.user.count(),
    groups: await prisma.approverGroup.count(),
    memberships: await prisma.groupMembership.count(),
    scopes: await prisma.scope.count(),
    agents: await prisma.agent.count(),
    eligibleScopes: await prisma.agentEligibleScope.count(),
    requests: await prisma.accessRequest.count(),
    approvals: await prisma.approval.count(),
    grants: await prisma.grant.count(),
    incidents: await prisma.incident.count(),
    events: await prisma.auditEvent.count(),
  };
}

describe("seedDemo", () => {
  let existingUser: { id: string; updatedAt: Date };
  let result: SeedDemoResult;
  let clashResult: SeedDemoResult;
  let countsAroundClash: { before: Awaited<ReturnType<typeof rowCounts>>; after: Awaited<ReturnType<typeof rowCounts>> };

  beforeAll(async () => {
    // A database that is already in use: the demo is added beside its rows without changing them.
    existingUser = await prisma.$transaction((tx) =>
      insertUser(tx, {
        email: "owner@example.com",
        name: "Owner",
        role: "ADMIN",
        passwordHash: null,
        actor: "self",
        action: "setup.completed",
        at: new Date(now.getTime() - 8 * DAY_MS),
      }),
    );
    // A name the demo needs is taken: nothing may be written.
    const taken = await prisma.approverGroup.create({ data: { id: "grp_taken", name: "data-stewards" } });
    const before = await rowCounts();
    clashResult = await seedDemo({ clock: manualClock(now) });
    countsAroundClash = { before, after: await rowCounts() };
    await prisma.approverGroup.delete({ where: { id: taken.id } });

    result = await seedDemo({ clock: manualClock(now) });
  });

  it("refuses, writing nothing, when the database already uses one of the demo's names", () => {
    expect(clashResult).toEqual({ status: "name-clash", clashes: ["approver group data-stewards"] });
    expect(countsAroundClash.after).toEqual(countsAroundClash.before);
  });

  it("reports what it seeded, with every request and grant status represented", () => {
    expect(result.status).toBe("seeded");
    if (result.status !== "seeded") return;
    expect(result.password).toBe(DEMO_PASSWORD);
    expect(result.people.map((person) => person.email)).toContain("admin@demo.baton.dev");
    for (const count of [...Object.values(result.counts.requests), ...Object.values(result.counts.grants)]) expect(count).toBeGreaterThan(0);
  });

  it("leaves existing rows alone", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: existingUser.id } });
    expect(user.updatedAt).toEqual(existingUser.updatedAt);
  });

  it("has requests in every status, grants in every status, both kinds of incident and a disabled agent", async () => {
    const requestStatuses = (await prisma.accessRequest.groupBy({ by: ["status"], _count: true })).map((row) => row.status).sort();
    expect(requestStatuses).toEqual(["APPROVED", "CANCELLED", "DENIED", "EXPIRED", "PENDING"]);
    const grantStatuses = (await prisma.grant.groupBy({ by: ["status"], _count: true })).map((row) => row.status).sort();
    expect(grantStatuses).toEqual(["ACTIVE", "EXPIRED", "REVOKED"]);
    expect(await prisma.incident.count({ where: { status: "OPEN" } })).toBeGreaterThan(0);
    expect(await prisma.incident.count({ where: { status: "RESOLVED" } })).toBeGreaterThan(0);
    const disabled = await prisma.agent.findMany({ where: { status: "DISABLED" } });
    expect(disabled.length).toBeGreaterThan(0);
    for (const agent of disabled) expect(agent.disabledAt).not.toBeNull();
  });

  it("gives every approved request exactly one grant, matching what was asked or narrowed, and no other request any", async () => {
    const requests = await prisma.accessRequest.findMany({ include: { grant: true, approvals: true } });
    for (const request of requests) {
      if (request.status !== "APPROVED") {
        expect(request.grant, `${request.status} request ${request.id}`).toBeNull();
        continue;
      }
      const grant = request.grant;
      expect(grant, `approved request ${request.id}`).not.toBeNull();
      if (!grant) continue;
      expect(grant.startsAt).toEqual(request.decidedAt);
      expect(request.requestedScopes).toEqual(expect.arrayContaining(grant.scopes));
      expect(grant.expiresAt.getTime() - grant.startsAt.getTime()).toBeLessThanOrEqual(request.requestedDurationSeconds * 1000);
    }
    const narrowed = requests.filter((request) => request.approvals.some((approval) => approval.narrowedScopes.length > 0));
    expect(narrowed.length).toBeGreaterThan(0);
    for (const request of narrowed) expect(request.grant!.scopes.length).toBeLessThan(request.requestedScopes.length);
  });

  it("keeps requests within the agents' eligibility, the scopes' limits and the approval rules", async () => {
    const scopes = new Map((await prisma.scope.findMany({ include: { approverGroup: { include: { members: true } } } })).map((scope) => [scope.key, scope]));
    const requests = await prisma.accessRequest.findMany({
      include: { agent: { include: { eligibleScopes: { include: { scope: true } } } }, approvals: true },
    });
    for (const request of requests) {
      const eligible = request.agent.eligibleScopes.map((row) => row.scope.key);
      expect(eligible).toEqual(expect.arrayContaining(request.requestedScopes));
      const catalog = request.requestedScopes.map((key) => scopes.get(key)!);
      expect(request.requestedDurationSeconds).toBeLessThanOrEqual(Math.min(...catalog.map((scope) => scope.maxDurationSeconds)));
      expect(request.pendingExpiresAt.getTime() - request.createdAt.getTime()).toBe(DAY_MS);
      for (const approval of request.approvals) {
        const approverGroups = catalog.filter((scope) => !scope.autoApprove).map((scope) => scope.approverGroup!.members.map((member) => member.userId));
        for (const members of approverGroups) expect(members).toContain(approval.approverId);
      }
      const needsApproval = catalog.filter((scope) => !scope.autoApprove);
      if (request.status === "APPROVED" && needsApproval.length > 0) {
        const approvals = request.approvals.filter((approval) => approval.decision === "APPROVE").length;
        expect(approvals).toBeGreaterThanOrEqual(Math.max(...needsApproval.map((scope) => scope.approvalsRequired)));
      }
      if (request.status === "PENDING") expect(request.pendingExpiresAt.getTime()).toBeGreaterThan(now.getTime());
      if (request.status === "APPROVED" || request.status === "DENIED") expect(request.decidedAt).not.toBeNull();
      if (request.status === "DENIED") expect(request.outcomeReason).toBeTruthy();
    }
  });

  it("binds an active direct grant to the open incident and revokes the resolved incident's grant when it resolved", async () => {
    const open = await prisma.incident.findFirstOrThrow({ where: { status: "OPEN" }, include: { grants: true } });
    expect(open.grants.some((grant) => grant.status === "ACTIVE" && grant.requestId === null && grant.grantedByKind === "USER" && grant.expiresAt > now)).toBe(
      true,
    );
    const resolved = await prisma.incident.findFirstOrThrow({ where: { status: "RESOLVED" }, include: { grants: true } });
    expect(resolved.grants.length).toBeGreaterThan(0);
    for (const grant of resolved.grants) {
      expect(grant.status).toBe("REVOKED");
      expect(grant.revokeReason).toBe("incident resolved");
      expect(grant.revokedAt).toEqual(resolved.resolvedAt);
    }
  });

  it("dates grants consistently with the seeding moment", async () => {
    const grants = await prisma.grant.findMany();
    for (const grant of grants) {
      if (grant.status === "ACTIVE") expect(grant.expiresAt.getTime()).toBeGreaterThan(now.getTime());
      if (grant.status === "EXPIRED") expect(grant.expiresAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (grant.status === "REVOKED") expect(grant.revokedAt!.getTime()).toBeLessThan(grant.expiresAt.getTime());
      expect(grant.startsAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 7 * DAY_MS);
    }
  });

  it("writes an intact, chronological audit chain without secrets", async () => {
    const events = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const verdict = await verifyChain();
    expect(verdict).toEqual({ ok: true, count: events.length });
    for (let i = 1; i < events.length; i++) expect(events[i]!.at.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.at.getTime());
    expect(events.at(-1)!.at.getTime()).toBeLessThanOrEqual(now.getTime());
    const hash = (await prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.baton.dev" } })).passwordHash!;
    const everything = JSON.stringify(events.map((event) => event.data));
    expect(everything).not.toContain(DEMO_PASSWORD);
    expect(everything).not.toContain(hash);
    expect(everything).not.toContain("scrypt$");
  });

  it("lets the demo people sign in with the demo password", async () => {
    const alice = await prisma.user.findUniqueOrThrow({ where: { email: "alice@demo.baton.dev" } });
    expect(await verifyPassword(DEMO_PASSWORD, alice.passwordHash!)).toBe(true);
    const hashes = new Set((await prisma.user.findMany({ where: { email: { endsWith: "@demo.baton.dev" } } })).map((user) => user.passwordHash));
    expect(hashes.size).toBe(1);
  });

  it("does nothing when run again", async () => {
    const before = await rowCounts();
    expect(await seedDemo({ clock: manualClock(now.getTime() + DAY_MS) })).toEqual({ status: "already-seeded" });
    expect(await rowCounts()).toEqual(before);
  });
});
