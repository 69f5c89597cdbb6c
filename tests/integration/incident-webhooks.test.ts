import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import * as decisionsRoute from "@/app/api/v1/decisions/route";
import * as grantsRoute from "@/app/api/v1/incidents/[id]/grants/route";
import * as hookRoute from "@/app/api/v1/hooks/incidents/[integration]/route";
import * as integrationsRoute from "@/app/api/v1/admin/incident-integrations/route";
import * as revokeIntegrationRoute from "@/app/api/v1/admin/incident-integrations/[id]/revoke/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as resolveRoute from "@/app/api/v1/incidents/[id]/resolve/route";
import { purgeReceivedWebhooks } from "@/lib/incidents/purge-received-webhooks";
import { call, ensureAdmin } from "./api-helpers";
import { setUpIncidentWorld, type IncidentWorld } from "./incident-fixtures";

let world: IncidentWorld;

beforeAll(async () => {
  world = await setUpIncidentWorld(await ensureAdmin());
});

const MINUTE = 60_000;

/** A PagerDuty V3 style event body. */
function pagerDutyEvent(eventType: string, data: Record<string, unknown>) {
  return JSON.stringify({
    event: { id: randomUUID(), event_type: eventType, resource_type: "incident", occurred_at: new Date().toISOString(), data: { type: "incident", ...data } },
  });
}

/** Signs `body` the way an incident tool does: Standard Webhooks headers for `id` at `at`. */
function signed(body: string, options: { id?: string; at?: Date; secret?: string } = {}) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? world.integration.webhookSecret).sign(id, at, body);
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature, "content-type": "application/json" };
}

const deliver = (body: string, headers: Record<string, string>, integration = world.integration.slug) =>
  call(hookRoute.POST, { path: `/api/v1/hooks/incidents/${integration}`, params: { integration }, rawBody: body, headers });

/** What a refused delivery must leave untouched. */
const stored = async () => ({
  incidents: await prisma.incident.count(),
  deliveries: await prisma.receivedWebhook.count(),
  events: await prisma.auditEvent.count(),
});

async function expectRefused(response: Awaited<ReturnType<typeof deliver>>, status: number, before: Awaited<ReturnType<typeof stored>>) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(await stored()).toEqual(before);
}

describe("a signed incident.triggered", () => {
  it("opens an incident under the integration, mapping id, title and priority", async () => {
    const body = pagerDutyEvent("incident.triggered", { id: "PT4KHLK", title: "Payments API 5xx above 2%", urgency: "high", priority: { summary: "P1" } });
    const delivered = await deliver(body, signed(body));
    expect(delivered.status, JSON.stringify(delivered.json)).toBe(200);
    expect(delivered.json).toMatchObject({ outcome: "opened", incidentId: expect.stringMatching(/^inc_/) });
    const incident = await prisma.incident.findUniqueOrThrow({ where: { id: delivered.json.incidentId } });
    expect(incident).toMatchObject({
      title: "Payments API 5xx above 2%",
      severity: "SEV1",
      status: "OPEN",
      externalSource: "pagerduty",
      externalId: "PT4KHLK",
      commanderId: null,
    });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: incident.id } })).toMatchObject({
      action: "incident.opened",
      actorKind: "INTEGRATION",
    });
  });

  it("maps urgency when there is no priority, and accepts a timestamp 4 minutes old", async () => {
    const body = pagerDutyEvent("incident.triggered", { id: "PLOWURG", title: "Slow search", urgency: "low", priority: null });
    const delivered = await deliver(body, signed(body, { at: new Date(Date.now() - 4 * MINUTE) }));
    expect(delivered.json.outcome).toBe("opened");
    expect(await prisma.incident.findUniqueOrThrow({ where: { id: delivered.json.incidentId } })).toMatchObject({ severity: "SEV3" });
  });

  it("acknowledges a second trigger of the same external incident without opening another", async () => {
    const first = pagerDutyEvent("incident.triggered", { id: "PTWICE1", title: "Queue backlog", urgency: "high" });
    const opened = await deliver(first, signed(first));
    const second = pagerDutyEvent("incident.triggered", { id: "PTWICE1", title: "Queue backlog", urgency: "high" });
    expect((await deliver(second, signed(second))).json).toEqual({ outcome: "ignored", incidentId: opened.json.incidentId });
    expect(await prisma.incident.count({ where: { externalId: "PTWICE1" } })).toBe(1);
  });
});

describe("refused deliveries store nothing", () => {
  const body = pagerDutyEvent("incident.triggered", { id: "PREFUSED", title: "Should never open", urgency: "high" });

  it("a bad signature → 401", async () => {
    const before = await stored();
    const headers = signed(body);
    await expectRefused(await deliver(body, { ...headers, "webhook-signature": `v1,${Buffer.alloc(32).toString("base64")}` }), 401, before);
    await expectRefused(await deliver(body.replace("Should never open", "Tampered"), headers), 401, before);
    const otherSecret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    await expectRefused(await deliver(body, signed(body, { secret: otherSecret })), 401, before);
  });

  it.each([
    ["6 minutes old", -6 * MINUTE],
    ["6 minutes in the future", 6 * MINUTE],
  ])("a correctly signed timestamp %s → 401", async (_, offset) => {
    const before = await stored();
    const refused = await deliver(body, signed(body, { at: new Date(Date.now() + offset) }));
    await expectRefused(refused, 401, before);
    expect(refused.json.detail).toMatch(/more than 5 minutes/);
  });

  it("missing signature headers → 400 naming them", async () => {
    const before = await stored();
    const refused = await deliver(body, { "content-type": "application/json", "webhook-id": "msg_1" });
    await expectRefused(refused, 400, before);
    expect(refused.json.errors.map((e: { field: string }) => e.field)).toEqual(["webhook-timestamp", "webhook-signature"]);
  });

  it("an unknown integration → 404", async () => {
    const before = await stored();
    await expectRefused(await deliver(body, signed(body), "opsgenie"), 404, before);
  });

  it("a verified payload missing what its event type needs → 400", async () => {
    const before = await stored();
    const untitled = pagerDutyEvent("incident.triggered", { id: "PNOTITLE" });
    const refused = await deliver(untitled, signed(untitled));
    await expectRefused(refused, 400, before);
    expect(refused.json.errors[0].field).toBe("event.data.title");
  });
});

describe("duplicates and unknown events", () => {
  it("drops a replayed webhook-id: acknowledged as a duplicate, no effect, even with another body", async () => {
    const id = `msg_${randomUUID()}`;
    const body = pagerDutyEvent("incident.triggered", { id: "PREPLAY", title: "Disk full on db-3", urgency: "high" });
    expect((await deliver(body, signed(body, { id }))).json.outcome).toBe("opened");
    const before = await stored();
    expect((await deliver(body, signed(body, { id }))).json).toEqual({ outcome: "duplicate", incidentId: null });
    const other = pagerDutyEvent("incident.triggered", { id: "PREPLAY2", title: "Another", urgency: "high" });
    expect((await deliver(other, signed(other, { id }))).json).toEqual({ outcome: "duplicate", incidentId: null });
    expect(await stored()).toEqual(before);
  });

  it("forgets webhook-ids after a day; a replay that old is refused on its timestamp instead", async () => {
    const oldId = `msg_${randomUUID()}`;
    const sentAt = new Date();
    const body = pagerDutyEvent("incident.annotated", { id: "PPURGE", content: "noted" });
    expect((await deliver(body, signed(body, { id: oldId, at: sentAt }))).json.outcome).toBe("ignored");
    const freshId = `msg_${randomUUID()}`;
    expect((await deliver(body, signed(body, { id: freshId }))).json.outcome).toBe("ignored");
    await prisma.receivedWebhook.updateMany({ where: { webhookId: oldId }, data: { receivedAt: new Date(Date.now() - 25 * 60 * MINUTE) } });

    expect(await purgeReceivedWebhooks({ now: new Date() })).toBeGreaterThanOrEqual(1);
    const remembered = (await prisma.receivedWebhook.findMany({ where: { webhookId: { in: [oldId, freshId] } } })).map((row) => row.webhookId);
    expect(remembered).toEqual([freshId]);
    // The same message a day later: its signed timestamp is far outside the tolerance.
    const replay = await deliver(body, signed(body, { id: oldId, at: new Date(sentAt.getTime() - 24 * 60 * MINUTE) }));
    expect(replay.status).toBe(401);
  });

  it("has one effect when the same delivery arrives twice at once", async () => {
    const body = pagerDutyEvent("incident.triggered", { id: "PRACE", title: "Cache stampede", urgency: "high" });
    const headers = signed(body);
    const outcomes = await Promise.all([deliver(body, headers), deliver(body, headers)]);
    expect(outcomes.map((o) => o.json.outcome).sort()).toEqual(["duplicate", "opened"]);
    expect(await prisma.incident.count({ where: { externalId: "PRACE" } })).toBe(1);
  });

  it("acknowledges and ignores event types it does not map", async () => {
    const body = pagerDutyEvent("incident.annotated", { id: "PT4KHLK", content: "Looking into it" });
    const incidents = await prisma.incident.count();
    expect((await deliver(body, signed(body))).json).toEqual({ outcome: "ignored", incidentId: null });
    expect(await prisma.incident.count()).toBe(incidents);
  });
});

describe("a signed incident.resolved", () => {
  it("resolves the incident and revokes the grants bound to it in the same transaction; decisions deny", async () => {
    const trigger = pagerDutyEvent("incident.triggered", { id: "PRESOLVE", title: "Checkout 502s", urgency: "high" });
    const incidentId = (await deliver(trigger, signed(trigger))).json.incidentId as string;
    // Nobody commands an incident a tool opened: any commander may act for it.
    const granted = await call(grantsRoute.POST, {
      token: world.carol.token,
      params: { id: incidentId },
      body: { agentId: world.bot.id, scopes: ["crm.notes:write"], durationSeconds: 600, reason: "Annotate the failed checkouts" },
    });
    expect(granted.status).toBe(201);
    const question = { token: world.crmSecret, body: { agentId: world.bot.id, scope: "crm.notes:write" } };
    expect((await call(decisionsRoute.POST, question)).json.allow).toBe(true);

    const resolve = pagerDutyEvent("incident.resolved", { id: "PRESOLVE", title: "Checkout 502s" });
    expect((await deliver(resolve, signed(resolve))).json).toEqual({ outcome: "resolved", incidentId });
    expect((await call(decisionsRoute.POST, question)).json.allow).toBe(false);
    expect(await prisma.grant.findUniqueOrThrow({ where: { id: granted.json.grant.id } })).toMatchObject({
      status: "REVOKED",
      revokeReason: "incident resolved",
      revokedByKind: "INTEGRATION",
    });
    expect(await prisma.receivedWebhook.count({ where: { eventType: "incident.resolved" } })).toBe(1);

    const again = pagerDutyEvent("incident.resolved", { id: "PRESOLVE" });
    expect((await deliver(again, signed(again))).json).toEqual({ outcome: "ignored", incidentId });
  });

  it("ignores the resolution of an incident it never opened", async () => {
    const body = pagerDutyEvent("incident.resolved", { id: "PNEVERSEEN" });
    expect((await deliver(body, signed(body))).json).toEqual({ outcome: "ignored", incidentId: null });
  });
});

describe("a revoked incident tool", () => {
  it("is refused from the next call, by credential and by signed webhook; its incidents stay for people to resolve", async () => {
    const tool = await call(integrationsRoute.POST, { token: world.admin.token, body: { slug: "statuspage", name: "Statuspage" } });
    expect(tool.status).toBe(201);
    const body = pagerDutyEvent("incident.triggered", { id: "SP-1", title: "Status page down", urgency: "high" });
    const accepted = await deliver(body, signed(body, { secret: tool.json.webhookSecret }), "statuspage");
    expect(accepted.json).toMatchObject({ outcome: "opened" });

    expect((await call(revokeIntegrationRoute.POST, { token: world.carol.token, params: { id: tool.json.id }, body: { reason: "Replaced" } })).status).toBe(
      403,
    );
    const revoked = await call(revokeIntegrationRoute.POST, {
      token: world.admin.token,
      params: { id: tool.json.id },
      body: { reason: "Replaced by the new status tool" },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ slug: "statuspage", revokedAt: expect.any(String) });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: tool.json.id, action: "incident_integration.revoked" } })).toMatchObject({
      data: { slug: "statuspage", reason: "Replaced by the new status tool" },
    });

    const before = await stored();
    const resolveBody = pagerDutyEvent("incident.resolved", { id: "SP-1" });
    await expectRefused(await deliver(resolveBody, signed(resolveBody, { secret: tool.json.webhookSecret }), "statuspage"), 404, before);
    expect((await call(incidentsRoute.POST, { token: tool.json.credential, body: { title: "After revocation", severity: "SEV3" } })).status).toBe(401);
    const again = await call(revokeIntegrationRoute.POST, { token: world.admin.token, params: { id: tool.json.id }, body: { reason: "Twice" } });
    expect(again.status).toBe(409);
    const invalid = await call(revokeIntegrationRoute.POST, { token: world.admin.token, params: { id: tool.json.id }, body: {} });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.map((e: { field: string }) => e.field)).toEqual(["reason"]);

    const incident = await prisma.incident.findFirstOrThrow({ where: { externalSource: "statuspage", externalId: "SP-1" } });
    expect(incident.status).toBe("OPEN");
    expect((await call(resolveRoute.POST, { token: world.carol.token, params: { id: incident.id }, body: {} })).json).toMatchObject({ status: "RESOLVED" });
  });
});
