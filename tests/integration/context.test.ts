import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createAgent } from "@/lib/agents/create-agent";
import { decideRequest } from "@/lib/approvals/decide-request";
import { getRequestDetail } from "@/lib/approvals/get-request-detail";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { loadEventNames, presentEvents } from "@/lib/audit/present-events";
import { auditPageQuery } from "@/lib/audit/schemas";
import { manualClock } from "@/lib/kernel/clock";
import { createGroup } from "@/lib/groups/create-group";
import { listGrants } from "@/lib/grants/list-grants";
import { grantSearchQuery } from "@/lib/grants/schemas";
import { newId } from "@/lib/kernel/ids";
import { getIncidentDetail } from "@/lib/incidents/get-incident-detail";
import { grantIncidentAuthority } from "@/lib/incidents/grant-incident-authority";
import { openIncident } from "@/lib/incidents/open-incident";
import { getOverview } from "@/lib/overview/get-overview";
import { getTimeToApprove } from "@/lib/overview/get-time-to-approve";
import { fileRequest } from "@/lib/requests/file-request";
import { createScope } from "@/lib/scopes/create-scope";
import { createUser } from "@/lib/users/create-user";
import { asAgent } from "./api-helpers";

const admin = { kind: "person" as const, userId: "", role: "ADMIN" as const };
const approver = { kind: "person" as const, userId: "", role: "APPROVER" as const, authTime: new Date() };
const commander = { kind: "person" as const, userId: "", role: "COMMANDER" as const };
let opsBot: string;
let ownerId: string;

async function person(name: string, role: "APPROVER" | "VIEWER" | "COMMANDER") {
  return createUser({ principal: admin, input: { email: `${name}@example.com`, name, role, password: "a long password 123" }, baseUrl: "http://localhost" });
}

beforeAll(async () => {
  admin.userId = (
    await prisma.user.create({ data: { id: newId("user"), email: "root@example.com", name: "Root", role: "ADMIN", sessionsValidAfter: new Date(0) } })
  ).id;
  approver.userId = (await person("alice", "APPROVER")).id;
  commander.userId = (await person("cora", "COMMANDER")).id;
  ownerId = (await person("olga", "VIEWER")).id;
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
      risk: "HIGH",
      maxDurationSeconds: 7200,
      approvalsRequired: 1,
      approverGroup: "platform",
      autoApprove: false,
    },
  });
  opsBot = (
    await createAgent({
      principal: admin,
      input: { name: "ops-bot", description: "", ownerEmail: "olga@example.com", eligibleScopes: ["logs:read", "deploy:write"] },
    })
  ).id;
});

const autoGrant = async (clock: ReturnType<typeof manualClock>, durationSeconds: number) =>
  (await fileRequest({ principal: asAgent(opsBot), input: { scopes: ["logs:read"], justification: "Read the logs for the report", durationSeconds }, clock }))
    .request.grant!.id;

describe("names for a page of audit events", () => {
  it("are resolved to linked names (people, agents, incidents, grants), with the raw data kept", async () => {
    const clock = manualClock(new Date());
    const incident = await openIncident({ principal: commander, input: { title: "Checkout down", severity: "SEV1" }, clock });
    const granted = await grantIncidentAuthority({
      principal: commander,
      incidentId: incident.id,
      input: { agentId: opsBot, scopes: ["logs:read"], durationSeconds: 1800, reason: "Read the checkout logs" },
      clock,
    });
    const events = await prisma.auditEvent.findMany({ where: { subjectId: granted.grant!.id } });

    const names = await loadEventNames(events);
    expect(names.get(commander.userId)).toEqual({ id: commander.userId, label: "cora", href: null });
    expect(names.get(opsBot)).toEqual({ id: opsBot, label: "ops-bot", href: `/agents/${opsBot}` });
    expect(names.get(incident.id)).toEqual({ id: incident.id, label: "Checkout down", href: `/incidents/${incident.id}` });

    const [issued] = await presentEvents(events.filter((event) => event.action === "grant.issued"));
    expect(issued!.actor.label).toBe("cora");
    expect(issued!.subject).toEqual({ id: granted.grant!.id, label: "grant ops-bot", href: `/grants/${granted.grant!.id}` });
    const lines = Object.fromEntries(issued!.details.map((line) => [line.name, line.parts.map((part) => part.label).join(", ")]));
    expect(JSON.stringify(issued!.details)).not.toMatch(/"label":"(inc|usr|agt)_/);
    expect(lines.incident).toBe("Checkout down");
    expect(issued!.data).toEqual(events.find((event) => event.action === "grant.issued")!.data);
  });

  it("reach the overview's recent activity, the audit log and a request's history without raw ids where a name exists", async () => {
    const clock = manualClock(new Date());
    const requestId = (
      await fileRequest({ principal: asAgent(opsBot), input: { scopes: ["deploy:write"], justification: "Ship the hotfix now", durationSeconds: 1800 }, clock })
    ).request.id;
    await decideRequest({ principal: approver, requestId, decision: { kind: "approve", comment: "" }, clock });

    const overview = await getOverview({ principal: approver, clock });
    const filed = overview.recentEvents!.find((event) => event.action === "request.filed")!;
    expect(filed.actor).toMatchObject({ label: "ops-bot", href: `/agents/${opsBot}` });
    expect(filed.subject).toMatchObject({ label: "request ops-bot", href: `/requests/${requestId}` });
    expect(filed.details.find((line) => line.name === "duration")?.parts[0]?.label).toBe("30 min");

    const audit = await listAuditEvents({ principal: approver, query: auditPageQuery.parse({ subject: requestId }) });
    expect(audit.items.every((item) => !/^(usr|agt|req)_/.test(item.actor.label) && item.subject.label === "request ops-bot")).toBe(true);

    const detail = (await getRequestDetail({ principal: approver, requestId, clock }))!;
    expect(detail.history.map((event) => event.actor.label)).toEqual(expect.arrayContaining(["ops-bot", "alice"]));
  });
});

describe("the grants list", () => {
  it("filters to live grants expiring within a window, the overview tile's list, with scope risks and the bound incident", async () => {
    const clock = manualClock(new Date());
    const soon = await autoGrant(clock, 600);
    const later = await autoGrant(clock, 3600);
    const ended = await autoGrant(clock, 120);
    clock.advance(180_000); // the 2-minute grant has passed its expiry; nothing marked it
    const ids = async (query: Record<string, unknown>) => (await listGrants({ search: grantSearchQuery.parse(query), clock })).items.map((grant) => grant.id);
    const expiring = await ids({ expiring: "15m", agent: opsBot });
    expect(expiring).toContain(soon);
    expect(expiring).not.toContain(later);
    expect(expiring).not.toContain(ended);
    expect(await ids({ expiring: "2h", agent: opsBot })).toEqual(expect.arrayContaining([soon, later]));

    const page = await listGrants({ search: grantSearchQuery.parse({ agent: opsBot }), clock });
    expect(page.items.find((grant) => grant.id === soon)!.scopeRefs).toEqual([{ key: "logs:read", risk: "LOW" }]);
    const bound = page.items.find((grant) => grant.incident);
    expect(bound?.incident).toMatchObject({ title: "Checkout down", severity: "SEV1", status: "OPEN" });
  });
});

describe("the commander's view", () => {
  it("lists my open incidents on the overview, and the agents with their owner and standing exposure in the dialog", async () => {
    const clock = manualClock(new Date());
    const overview = await getOverview({ principal: commander, clock });
    expect(overview.myOpenIncidents?.map((incident) => incident.title)).toEqual(["Checkout down"]);
    expect(overview.myOpenIncidents![0]!.activeGrants).toBeGreaterThanOrEqual(1);
    expect((await getOverview({ principal: { kind: "person" as const, userId: ownerId, role: "VIEWER" }, clock })).myOpenIncidents).toBeNull();

    const incidentId = overview.myOpenIncidents![0]!.id;
    const detail = (await getIncidentDetail({ principal: commander, incidentId, clock }))!;
    const bot = detail.agents.find((agent) => agent.id === opsBot)!;
    expect(bot.owner).toEqual({ name: "olga", email: "olga@example.com" });
    expect(bot.heldGrants.length).toBeGreaterThanOrEqual(1);
    expect(bot.heldGrants.every((grant) => grant.status === "ACTIVE")).toBe(true);
    expect(bot.heldGrants[0]!.scopeRefs[0]).toEqual({ key: "logs:read", risk: "LOW" });
  });
});

describe("time to approve", () => {
  it("charts median and 90th percentile per bucket over 24 h, 7 d or 30 d, with the range's own percentiles", async () => {
    const clock = manualClock(new Date());
    const file = async () =>
      (await fileRequest({ principal: asAgent(opsBot), input: { scopes: ["deploy:write"], justification: "Ship the next fix", durationSeconds: 600 }, clock }))
        .request.id;
    const quick = await file();
    clock.advance(60_000);
    await decideRequest({ principal: approver, requestId: quick, decision: { kind: "approve", comment: "" }, clock });
    const slow = await file();
    clock.advance(3 * 3600_000); // one approval left waiting for hours: an outlier
    await decideRequest({ principal: approver, requestId: slow, decision: { kind: "approve", comment: "" }, clock });

    const day = await getTimeToApprove({ now: clock.now(), range: "24h" });
    expect(day.buckets).toHaveLength(24);
    const month = await getTimeToApprove({ now: clock.now(), range: "30d" });
    expect(month.buckets).toHaveLength(30);
    expect(month.summary.approved).toBeGreaterThanOrEqual(2);
    expect(month.summary.medianSeconds).not.toBeNull();
    expect(month.summary.p90Seconds).toBeGreaterThanOrEqual(month.summary.medianSeconds!);
    expect(day.buckets.reduce((sum, bucket) => sum + bucket.approved, 0)).toBe(day.summary.approved);
  });
});
