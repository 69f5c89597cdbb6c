import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getAgentDetail } from "@/lib/agents/get-agent-detail";
import { createAgent } from "@/lib/agents/create-agent";
import { standingExposure } from "@/lib/agents/standing-exposure";
import { decideRequest } from "@/lib/approvals/decide-request";
import { exportAuditLog } from "@/lib/audit/export-audit-log";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditExportQuery, auditPageQuery, type AuditFilter } from "@/lib/audit/schemas";
import { streamChainVerification, type VerificationMessage } from "@/lib/audit/stream-chain-verification";
import { verifyExportedEvents } from "@/lib/audit/verify-exported-events";
import { manualClock } from "@/lib/kernel/clock";
import { createGroup } from "@/lib/groups/create-group";
import { listGrants } from "@/lib/grants/list-grants";
import { revokeGrant } from "@/lib/grants/revoke-grant";
import { grantSearchQuery } from "@/lib/grants/schemas";
import { newId } from "@/lib/kernel/ids";
import { getOverview } from "@/lib/overview/get-overview";
import { fileRequest } from "@/lib/requests/file-request";
import { createScope } from "@/lib/scopes/create-scope";
import { createUser } from "@/lib/users/create-user";
import { asAgent } from "./api-helpers";

const admin = { kind: "person" as const, userId: "", role: "ADMIN" as const };
const approver = { kind: "person" as const, userId: "", role: "APPROVER" as const, authTime: new Date() };
const viewer = { kind: "person" as const, userId: "", role: "VIEWER" as const };
const commander = { kind: "person" as const, userId: "", role: "COMMANDER" as const };
let opsBot: string;
let billingBot: string;
const START = new Date("2030-03-01T10:00:00Z");

const search = (query: Record<string, unknown>) => grantSearchQuery.parse(query);
const auditQuery = (query: Record<string, unknown>) => auditPageQuery.parse(query);

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function person(name: string, role: "ADMIN" | "APPROVER" | "VIEWER" | "COMMANDER") {
  return createUser({ principal: admin, input: { email: `${name}@example.com`, name, role, password: "a long password 123" }, baseUrl: "http://localhost" });
}

beforeAll(async () => {
  const root = await prisma.user.create({
    data: { id: newId("user"), email: "root@example.com", name: "Root", role: "ADMIN", sessionsValidAfter: new Date(0) },
  });
  admin.userId = root.id;
  approver.userId = (await person("alice", "APPROVER")).id;
  viewer.userId = (await person("victor", "VIEWER")).id;
  commander.userId = (await person("cora", "COMMANDER")).id;
  await person("owner", "VIEWER");
  await createGroup({ principal: admin, input: { name: "platform", description: "", memberEmails: ["alice@example.com"] } });
  await createScope({
    principal: admin,
    input: { key: "logs:read", description: "", risk: "LOW", maxDurationSeconds: 7200, approvalsRequired: 1, autoApprove: true },
  });
  await createScope({
    principal: admin,
    input: {
      key: "deploy:write",
      description: "",
      risk: "MEDIUM",
      maxDurationSeconds: 7200,
      approvalsRequired: 1,
      approverGroup: "platform",
      autoApprove: false,
    },
  });
  opsBot = (
    await createAgent({
      principal: admin,
      input: { name: "ops-bot", description: "", ownerEmail: "owner@example.com", eligibleScopes: ["logs:read", "deploy:write"] },
    })
  ).id;
  billingBot = (
    await createAgent({ principal: admin, input: { name: "billing-bot", description: "", ownerEmail: "owner@example.com", eligibleScopes: ["logs:read"] } })
  ).id;
});

/** Files an auto-approved request at the clock's time; its grant starts then. */
async function autoGrant(agentId: string, clock: ReturnType<typeof manualClock>, extra: { durationSeconds?: number; onBehalfOf?: string } = {}) {
  const { request } = await fileRequest({
    principal: asAgent(agentId),
    input: {
      scopes: ["logs:read"],
      justification: "Read the logs for the report",
      durationSeconds: extra.durationSeconds ?? 3600,
      onBehalfOf: extra.onBehalfOf,
    },
    clock,
  });
  return request.grant!.id;
}

describe("the grants list", () => {
  it("filters by agent, scope, person acted for and effective status — an unmarked grant past expiry is expired", async () => {
    const clock = manualClock(START);
    const forAlice = await autoGrant(opsBot, clock, { onBehalfOf: "alice@example.com" });
    const billing = await autoGrant(billingBot, clock, { durationSeconds: 600 });
    const reqId = (
      await fileRequest({ principal: asAgent(opsBot), input: { scopes: ["deploy:write"], justification: "Ship the hotfix now", durationSeconds: 3600 }, clock })
    ).request.id;
    const deploy = (await decideRequest({ principal: approver, requestId: reqId, decision: { kind: "approve", comment: "" }, clock })).grantId!;
    clock.advance(15 * 60_000); // the billing grant (10 min) has passed its expiry; nothing marked it
    const ids = async (query: Record<string, unknown>) => (await listGrants({ search: search(query), clock })).items.map((g) => g.id);

    expect(await ids({ status: "active", agent: opsBot })).toEqual([deploy, forAlice]);
    expect(await ids({ status: "all", scope: "deploy:write" })).toEqual([deploy]);
    expect(await ids({ status: "all", onBehalfOf: "ALICE@example.com" })).toEqual([forAlice]);
    expect(await ids({ status: "all", onBehalfOf: "nobody@example.com" })).toEqual([]);
    expect(await ids({ status: "expired", agent: billingBot })).toEqual([billing]);
    expect(await ids({ status: "active", agent: billingBot })).toEqual([]);
    expect(await ids({ status: "active", agent: "", scope: "", incident: "" })).toEqual(expect.arrayContaining([deploy, forAlice]));

    await revokeGrant({ principal: admin, grantId: deploy, reason: "done", clock });
    expect(await ids({ status: "revoked" })).toEqual([deploy]);
    expect(await ids({ status: "active", agent: opsBot })).toEqual([forAlice]);
  });

  it("pages with a keyset cursor on (createdAt, id): no row twice, none skipped, even among equal timestamps", async () => {
    const at = new Date("2030-02-01T00:00:00Z");
    const rows = Array.from({ length: 23 }, (_, i) => ({
      id: newId("grant"),
      agentId: billingBot,
      scopes: ["paging:read"],
      // Groups of three share an instant, so the id must break ties.
      createdAt: new Date(at.getTime() + Math.floor(i / 3) * 1000),
      startsAt: at,
      expiresAt: new Date(at.getTime() + 3_600_000),
      grantedByKind: "SYSTEM" as const,
    }));
    await prisma.grant.createMany({ data: rows });
    const expected = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listGrants({ search: search({ status: "all", scope: "paging:read", limit: "5", cursor }) });
      seen.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(5);
  });

  it("refuses a malformed filter or cursor, naming the field", () => {
    const result = grantSearchQuery.safeParse({ status: "soon", agent: "ops-bot", cursor: "1;DROP", onBehalfOf: "not-an-email" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining(["status", "agent", "cursor", "onBehalfOf"]));
  });
});

describe("the overview", () => {
  it("counts, lists soonest expiry first, and charts grants and time to approve", async () => {
    const clock = manualClock(new Date());
    const soon = await autoGrant(opsBot, clock, { durationSeconds: 300 });
    const later = await autoGrant(opsBot, clock, { durationSeconds: 7200 });
    const pendingId = (
      await fileRequest({ principal: asAgent(opsBot), input: { scopes: ["deploy:write"], justification: "Waiting for a person", durationSeconds: 600 }, clock })
    ).request.id;
    clock.advance(90_000);
    const approvedId = (
      await fileRequest({
        principal: asAgent(opsBot),
        input: { scopes: ["deploy:write"], justification: "Approved after a while", durationSeconds: 600 },
        clock,
      })
    ).request.id;
    clock.advance(120_000);
    await decideRequest({ principal: approver, requestId: approvedId, decision: { kind: "approve", comment: "" }, clock });

    const overview = await getOverview({ principal: viewer, clock });
    const listed = overview.activeGrants.map((g) => g.id);
    expect(listed.indexOf(soon)).toBeLessThan(listed.indexOf(later));
    expect(overview.counts.expiringSoon).toBeGreaterThanOrEqual(1);
    expect(overview.pendingRequests.map((r) => r.id)).toContain(pendingId);
    expect(overview.recentEvents).toBeNull(); // a viewer does not read the audit log
    expect(overview.activity.grantsByHour).toHaveLength(24);
    expect(overview.activity.grantsByDay).toHaveLength(7);
    const sum = (buckets: { grants: number }[]) => buckets.reduce((total, bucket) => total + bucket.grants, 0);
    expect(sum(overview.activity.grantsByHour)).toBeGreaterThanOrEqual(3);
    expect(overview.activity.timeToApprove.range).toBe("7d");
    expect(overview.activity.timeToApprove.buckets).toHaveLength(7);
    const today = overview.activity.timeToApprove.buckets.at(-1)!;
    expect(today.approved).toBe(1);
    expect(today.medianSeconds).toBe(120);
    expect(today.p90Seconds).toBe(120);

    expect((await getOverview({ principal: approver, clock })).recentEvents?.length).toBeGreaterThan(0);
  });
});

describe("an agent's standing exposure", () => {
  it("lists the scopes it holds right now, for whom and until when, and drops a grant the instant it expires", async () => {
    const clock = manualClock(new Date());
    const agent = (
      await createAgent({ principal: admin, input: { name: "exposed-bot", description: "", ownerEmail: "owner@example.com", eligibleScopes: ["logs:read"] } })
    ).id;
    await autoGrant(agent, clock, { durationSeconds: 600, onBehalfOf: "alice@example.com" });
    await autoGrant(agent, clock, { durationSeconds: 1200 });
    const detail = (await getAgentDetail({ agentId: agent, clock }))!;
    const now = clock.now().getTime();
    const exposure = standingExposure(detail.heldGrants, now);
    expect(exposure.activeGrants).toBe(2);
    expect(exposure.scopes).toEqual([
      { scope: "logs:read", onBehalfOf: ["alice@example.com", null], until: new Date(now + 1_200_000).toISOString(), grants: 2 },
    ]);
    expect(standingExposure(detail.heldGrants, now + 600_000).scopes).toEqual([
      { scope: "logs:read", onBehalfOf: [null], until: new Date(now + 1_200_000).toISOString(), grants: 1 },
    ]);
    expect(standingExposure(detail.heldGrants, now + 1_200_000)).toEqual({ activeGrants: 0, scopes: [], until: null });
  });
});

describe("the audit log", () => {
  it("is for admins, approvers and commanders only", async () => {
    await expect(listAuditEvents({ principal: viewer, query: auditQuery({}) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportAuditLog({ principal: viewer, filter: {}, format: "jsonl" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(() => streamChainVerification({ principal: viewer })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    for (const reader of [admin, approver, commander])
      expect((await listAuditEvents({ principal: reader, query: auditQuery({ limit: "1" }) })).items).toHaveLength(1);
  });

  it("filters by actor (email, id or kind), action, subject and time, and pages on the sequence number", async () => {
    const byAlice = await listAuditEvents({ principal: admin, query: auditQuery({ actor: "alice@example.com" }) });
    expect(byAlice.items.length).toBeGreaterThan(0);
    expect(byAlice.items.every((e) => e.actorKind === "USER" && e.actorId === approver.userId && e.actorName === "alice")).toBe(true);
    const bySystem = await listAuditEvents({ principal: admin, query: auditQuery({ actor: "system", action: "grant.issued" }) });
    expect(bySystem.items.length).toBeGreaterThan(0);
    expect(bySystem.items.every((e) => e.actorKind === "SYSTEM" && e.action === "grant.issued")).toBe(true);
    const byAgent = await listAuditEvents({ principal: admin, query: auditQuery({ actor: opsBot, action: "request.filed" }) });
    expect(byAgent.items.every((e) => e.actorId === opsBot && e.actorName === "ops-bot")).toBe(true);
    expect((await listAuditEvents({ principal: admin, query: auditQuery({ actor: "nobody@example.com" }) })).items).toEqual([]);

    const grant = byAgent.items[0]!;
    const subject = await listAuditEvents({ principal: admin, query: auditQuery({ subject: grant.subjectId }) });
    expect(subject.items.every((e) => e.subjectId === grant.subjectId)).toBe(true);

    const window = await listAuditEvents({ principal: admin, query: auditQuery({ from: "2030-03-01T10:00", to: "2030-03-01T10:30:00Z" }) });
    expect(window.items.length).toBeGreaterThan(0);
    expect(window.items.every((e) => e.at >= "2030-03-01T10:00:00.000Z" && e.at < "2030-03-01T10:30:00.000Z")).toBe(true);

    // A time window pages in time order, newest first; events of one transaction share a time, and none is lost or repeated.
    const windowAll: string[] = [];
    let windowCursor: string | undefined;
    do {
      const page = await listAuditEvents({
        principal: admin,
        query: auditQuery({ from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", limit: "2", cursor: windowCursor }),
      });
      windowAll.push(...page.items.map((e) => e.seq));
      windowCursor = page.nextCursor ?? undefined;
    } while (windowCursor);
    const inTimeOrder = await prisma.auditEvent.findMany({ orderBy: [{ at: "desc" }, { seq: "desc" }], select: { seq: true } });
    expect(windowAll).toEqual(inTimeOrder.map((e) => e.seq.toString()));
    const sharedTimes = await prisma.auditEvent.groupBy({ by: ["at"], _count: true });
    expect(sharedTimes.some((group) => group._count > 1)).toBe(true);

    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents({ principal: admin, query: auditQuery({ limit: "7", cursor }) });
      all.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const total = await prisma.auditEvent.count();
    expect(all).toEqual(Array.from({ length: total }, (_, i) => String(total - i)));
  });

  it("refuses malformed filters, naming the field", () => {
    const result = auditPageQuery.safeParse({ action: "grant.deleted", from: "yesterday", cursor: "-1" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining(["action", "from", "cursor"]));
    expect(auditExportQuery.safeParse({ format: "xml" }).success).toBe(false);
    expect(auditPageQuery.safeParse({ from: "2030-01-02T00:00Z", to: "2030-01-01T00:00Z" }).error?.issues[0]?.path).toEqual(["to"]);
  });
});

describe("exporting the audit log", () => {
  const exportLines = async (filter: AuditFilter) =>
    (await text(await exportAuditLog({ principal: approver, filter, format: "jsonl" }))).split("\n").filter(Boolean);

  it("streams every event as JSON Lines, oldest first, in batches, and the file re-verifies offline", async () => {
    // Enough events for several database batches.
    await prisma.$transaction(
      async (tx) => {
        const { recordEvent } = await import("@/lib/audit/record-event");
        for (let i = 0; i < 1100; i++)
          await recordEvent(tx, {
            actor: { kind: "SYSTEM", id: null },
            action: "scope.updated",
            subject: { kind: "scope", id: `bulk-${i}` },
            data: { i, note: 'quote " and, comma' },
            at: new Date(),
          });
      },
      { timeout: 120_000 },
    );
    const lines = await exportLines({});
    expect(lines).toHaveLength(await prisma.auditEvent.count());
    expect(JSON.parse(lines[0]!)).toMatchObject({ seq: 1, prevHash: "0".repeat(64) });
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual([
      "seq",
      "id",
      "at",
      "actorKind",
      "actorId",
      "action",
      "subjectKind",
      "subjectId",
      "agentId",
      "data",
      "prevHash",
      "hash",
    ]);
    expect(await verifyExportedEvents(lines)).toEqual({ ok: true, count: lines.length, firstSeq: 1, lastSeq: lines.length, segments: 1, fromGenesis: true });
  });

  it("names the first edited, dropped or reordered line of a tampered file", async () => {
    const lines = await exportLines({});
    const edited = [...lines];
    edited[4] = edited[4]!.replace(/"action":"[^"]+"/, '"action":"grant.revoked"');
    expect(await verifyExportedEvents(edited)).toMatchObject({ ok: false, badSeq: 5, reason: expect.stringContaining("altered") });
    const dropped = lines.filter((_, i) => i !== 3);
    expect(await verifyExportedEvents(dropped)).toMatchObject({ ok: true, segments: 2 }); // a gap reads as two segments…
    const relinked = [...dropped];
    const fourth = JSON.parse(lines[3]!) as { seq: number };
    const fifth = JSON.parse(relinked[3]!) as { seq: number; prevHash: string };
    relinked[3] = JSON.stringify({ ...fifth, seq: fourth.seq }); // …but renumbering to hide it breaks the hash
    expect(await verifyExportedEvents(relinked)).toMatchObject({ ok: false, badSeq: 4 });
    expect(await verifyExportedEvents([lines[1]!, lines[0]!])).toMatchObject({ ok: false, reason: expect.stringContaining("out of order") });
    expect(await verifyExportedEvents(["{not json"])).toMatchObject({ ok: false, line: 1 });
  });

  it("respects the filters: a filtered file is verified segment by segment", async () => {
    const lines = await exportLines({ action: "grant.issued" });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => (JSON.parse(line) as { action: string }).action === "grant.issued")).toBe(true);
    expect(await verifyExportedEvents(lines)).toMatchObject({ ok: true, count: lines.length, fromGenesis: false });
    expect(await exportLines({ actor: "nobody@example.com" })).toEqual([]);
  });

  it("writes CSV with a header, quoted cells and spreadsheet formulas defused", async () => {
    await prisma.$transaction(async (tx) => {
      const { recordEvent } = await import("@/lib/audit/record-event");
      await recordEvent(tx, { actor: { kind: "SYSTEM", id: null }, action: "scope.updated", subject: { kind: "scope", id: "=HYPERLINK(1)" }, at: new Date() });
    });
    const csv = await text(await exportAuditLog({ principal: admin, filter: { subject: "=HYPERLINK(1)" }, format: "csv" }));
    const [header, row, end] = csv.split("\r\n");
    expect(header).toBe("seq,id,at,actorKind,actorId,action,subjectKind,subjectId,agentId,data,prevHash,hash");
    expect(row).toContain(",scope,'=HYPERLINK(1),,{},");
    expect(end).toBe("");
    const quoted = await text(await exportAuditLog({ principal: admin, filter: { subject: "bulk-7" }, format: "csv" }));
    expect(quoted).toContain('"{""i"":7,""note"":""quote \\"" and, comma""}"');
  });
});

describe("verifying the chain from the browser", () => {
  it("streams progress, then the verdict", async () => {
    const messages = (await text(streamChainVerification({ principal: commander })))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as VerificationMessage);
    const total = await prisma.auditEvent.count();
    expect(messages.at(-1)).toEqual({ type: "result", ok: true, count: total });
    expect(messages.filter((m) => m.type === "progress").at(-1)).toEqual({ type: "progress", checked: total, total });
  });

  it("reports the first bad sequence number", async () => {
    await prisma.$executeRaw`UPDATE "AuditEvent" SET data = '{"tampered": true}'::jsonb WHERE seq = 2`;
    const messages = (await text(streamChainVerification({ principal: admin })))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as VerificationMessage);
    expect(messages.at(-1)).toMatchObject({ type: "result", ok: false, badSeq: "2" });
  });
});
