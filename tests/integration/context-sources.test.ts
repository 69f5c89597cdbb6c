import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import * as agentRoute from "@/app/api/v1/admin/agents/[id]/route";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as onCallRoute from "@/app/api/v1/admin/groups/[id]/on-call/route";
import * as groupsRoute from "@/app/api/v1/admin/groups/route";
import * as integrationsRoute from "@/app/api/v1/admin/incident-integrations/route";
import * as scheduleRoute from "@/app/api/v1/admin/schedules/[id]/route";
import * as schedulesRoute from "@/app/api/v1/admin/schedules/route";
import * as scopeRoute from "@/app/api/v1/admin/scopes/[key]/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import * as hookRoute from "@/app/api/v1/hooks/incidents/[integration]/route";
import { getOnCall } from "@/lib/on-call/get-on-call";
import { listOnCall } from "@/lib/on-call/list-on-call";
import { loadOnCall } from "@/lib/on-call/load-on-call";
import { setUserGroups } from "@/lib/users/set-user-groups";
import { openScheduleNames } from "@/lib/schedules/is-schedule-open";
import { listSchedules } from "@/lib/schedules/list-schedules";
import { call, ensureAdmin } from "./api-helpers";

let admin: string;
let group: { id: string; name: string };
const people: Record<string, string> = {};
let webhookSecret: string;

const lastEvent = (action: string) => prisma.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { seq: "desc" } });

beforeAll(async () => {
  admin = await ensureAdmin();
  for (const name of ["sam", "sue", "olga"]) {
    const created = await call(usersRoute.POST, {
      token: admin,
      body: { email: `${name}@example.com`, name, role: "APPROVER", password: "a long password 123" },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    people[name] = (await prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.com` } })).id;
  }
  const created = await call(groupsRoute.POST, { token: admin, body: { name: "sre-approvers", memberEmails: ["sam@example.com", "sue@example.com"] } });
  group = created.json;
  const integration = await call(integrationsRoute.POST, { token: admin, body: { slug: "pagerduty", name: "PagerDuty" } });
  webhookSecret = integration.json.webhookSecret;
});

describe("named schedules", () => {
  const window = {
    name: "prod-change-window",
    description: "Tuesday and Thursday mornings",
    timezone: "europe/berlin",
    weeklyRules: [{ days: ["thu", "tue"], start: "10:00", end: "12:00" }],
    oneOffWindows: [{ startsAt: "2026-12-24T08:00:00Z", endsAt: "2026-12-24T09:00:00Z", note: "Hotfix slot" }],
  };

  it("creates, reads, lists, changes and deletes a schedule, each audited", async () => {
    const created = await call(schedulesRoute.POST, { token: admin, body: window });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      id: expect.stringMatching(/^sch_/),
      name: "prod-change-window",
      timezone: "Europe/Berlin",
      weeklyRules: [{ days: ["tue", "thu"], start: "10:00", end: "12:00" }],
      oneOffWindows: [{ startsAt: "2026-12-24T08:00:00.000Z", endsAt: "2026-12-24T09:00:00.000Z", note: "Hotfix slot" }],
      openNow: expect.any(Boolean),
      nextTransition: { at: expect.any(String), open: expect.any(Boolean) },
    });
    const id = created.json.id as string;
    expect((await lastEvent("schedule.created")).data).toMatchObject({ name: "prod-change-window", timezone: "Europe/Berlin" });

    expect((await call(scheduleRoute.GET, { token: admin, params: { id } })).json.name).toBe("prod-change-window");
    expect((await call(schedulesRoute.GET, { token: admin })).json.items.map((item: { name: string }) => item.name)).toEqual(["prod-change-window"]);

    const changed = await call(scheduleRoute.PATCH, {
      token: admin,
      method: "PATCH",
      params: { id },
      body: { weeklyRules: [{ days: ["fri"], start: "22:00", end: "02:00" }], oneOffWindows: [] },
    });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json).toMatchObject({ weeklyRules: [{ days: ["fri"], start: "22:00", end: "02:00" }], oneOffWindows: [], description: window.description });
    expect((await lastEvent("schedule.updated")).data).toMatchObject({
      before: { weeklyRules: [{ days: ["tue", "thu"] }] },
      after: { weeklyRules: [{ days: ["fri"] }] },
    });

    // What the policy engine reads: the rules, and which names are open at an instant.
    const [loaded] = await listSchedules();
    expect(openScheduleNames([loaded!], new Date("2026-12-04T22:30:00Z"))).toEqual(new Set(["prod-change-window"])); // Fri 23:30 in Berlin
    expect(openScheduleNames([loaded!], new Date("2026-12-05T01:30:00Z"))).toEqual(new Set()); // Sat 02:30

    expect((await call(scheduleRoute.DELETE, { token: admin, method: "DELETE", params: { id } })).status).toBe(204);
    expect((await lastEvent("schedule.deleted")).data).toMatchObject({ name: "prod-change-window" });
    expect((await call(scheduleRoute.GET, { token: admin, params: { id } })).status).toBe(404);
    expect((await call(scheduleRoute.DELETE, { token: admin, method: "DELETE", params: { id } })).status).toBe(404);
  });

  it("refuses bad input with problem+json naming the fields, and duplicate names with 409", async () => {
    const before = await prisma.auditEvent.count();
    const refused = await call(schedulesRoute.POST, {
      token: admin,
      body: {
        name: "Bad Name",
        timezone: "Mars/Olympus",
        weeklyRules: [{ days: [], start: "25:00", end: "12:00" }],
        oneOffWindows: [{ startsAt: "2026-12-24T09:00:00Z", endsAt: "2026-12-24T08:00:00Z" }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.json.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(["name", "timezone", "weeklyRules.0.days", "weeklyRules.0.start", "oneOffWindows.0.endsAt"]),
    );
    expect((await call(schedulesRoute.POST, { token: admin, body: { ...window, extra: 1 } })).status).toBe(400);
    expect(await prisma.auditEvent.count()).toBe(before);

    const first = await call(schedulesRoute.POST, { token: admin, body: { ...window, name: "weekend-freeze" } });
    expect((await call(schedulesRoute.POST, { token: admin, body: { ...window, name: "weekend-freeze" } })).status).toBe(409);
    const other = await call(schedulesRoute.POST, { token: admin, body: { ...window, name: "other-window" } });
    const clash = await call(scheduleRoute.PATCH, { token: admin, method: "PATCH", params: { id: other.json.id }, body: { name: "weekend-freeze" } });
    expect(clash.status).toBe(409);
    expect(clash.json.errors).toEqual([{ field: "name", message: "is already taken" }]);
    expect((await call(scheduleRoute.PATCH, { token: admin, method: "PATCH", params: { id: first.json.id }, body: {} })).status).toBe(400);
    expect((await call(scheduleRoute.GET, { token: admin, params: { id: "sch_nope" } })).status).toBe(400);
  });
});

describe("on-call per approver group", () => {
  const put = (body: unknown) => call(onCallRoute.PUT, { token: admin, method: "PUT", params: { id: group.id }, body });

  it("sets members on call by id or email, audited, and the loader reads it", async () => {
    const set = await put({ userIds: [people.sam], emails: ["SUE@example.com"] });
    expect(set.status, JSON.stringify(set.json)).toBe(200);
    expect(set.json).toMatchObject({
      groupName: "sre-approvers",
      onCall: [{ email: "sam@example.com", until: null, source: "local" }, { email: "sue@example.com" }],
    });
    expect((await call(onCallRoute.GET, { token: admin, params: { id: group.id } })).json.onCall).toHaveLength(2);
    expect((await lastEvent("group.on_call_changed")).data).toMatchObject({
      group: "sre-approvers",
      onCall: ["sam@example.com", "sue@example.com"],
      source: "local",
    });
    expect(await loadOnCall(new Date())).toEqual(new Map([["sre-approvers", new Set([people.sam, people.sue])]]));
  });

  it("lets a shift lapse at its until", async () => {
    const until = new Date(Date.now() + 3600_000);
    expect((await put({ emails: ["sam@example.com"], until: until.toISOString() })).json.onCall).toMatchObject([
      { email: "sam@example.com", until: until.toISOString() },
    ]);
    expect(await loadOnCall(new Date(until.getTime() - 1))).toEqual(new Map([["sre-approvers", new Set([people.sam])]]));
    expect(await loadOnCall(until)).toEqual(new Map());
  });

  it("drops a person from on call when they leave the group", async () => {
    await put({ emails: ["sam@example.com", "sue@example.com"] });
    const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    await setUserGroups({ principal: { kind: "person", userId: adminUser.id, role: "ADMIN" }, userId: people.sue!, groupNames: [] });
    expect(await loadOnCall(new Date())).toEqual(new Map([["sre-approvers", new Set([people.sam])]]));
    expect((await getOnCall({ groupId: group.id })).onCall.map((person) => person.email)).toEqual(["sam@example.com"]);
    expect((await listOnCall()).get(group.id)?.map((person) => person.email)).toEqual(["sam@example.com"]);
    await setUserGroups({ principal: { kind: "person", userId: adminUser.id, role: "ADMIN" }, userId: people.sue!, groupNames: ["sre-approvers"] });
  });

  it("refuses non-members, unknown people, a past until and an empty body, naming the field", async () => {
    const stranger = await put({ userIds: [people.sam, people.olga] });
    expect(stranger.status).toBe(400);
    expect(stranger.json.errors).toEqual([{ field: "userIds.1", message: "is not an active member of sre-approvers" }]);
    expect((await put({ emails: ["ghost@example.com"] })).json.errors[0].field).toBe("emails");
    expect((await put({ userIds: [], until: "2020-01-01T00:00:00Z" })).json.errors[0].field).toBe("until");
    expect((await put({})).status).toBe(400);
    expect((await call(onCallRoute.GET, { token: admin, params: { id: "grp_01jd3zzzzzzzzzzzzzzzzzzzzz" } })).status).toBe(404);
    // An empty list: nobody is on call.
    expect((await put({ userIds: [] })).json.onCall).toEqual([]);
  });
});

describe("on-call from an incident tool's signed webhook", () => {
  function deliver(data: Record<string, unknown>, options: { secret?: string } = {}) {
    const body = JSON.stringify({ event: { id: randomUUID(), event_type: "oncall.changed", occurred_at: new Date().toISOString(), data } });
    const id = `msg_${randomUUID()}`;
    const now = new Date();
    const headers = {
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(options.secret ?? webhookSecret).sign(id, now, body),
      "content-type": "application/json",
    };
    return call(hookRoute.POST, { path: "/api/v1/hooks/incidents/pagerduty", params: { integration: "pagerduty" }, rawBody: body, headers });
  }

  it("maps the tool's schedule to a Baton group by name and replaces who is on call, skipping non-members", async () => {
    const until = new Date(Date.now() + 8 * 3600_000).toISOString();
    const delivered = await deliver({
      schedule: { summary: "SRE-Approvers" },
      escalation_policy: { summary: "Platform" },
      users: [{ email: "sue@example.com" }, { email: "olga@example.com" }],
      until,
    });
    expect(delivered.status, JSON.stringify(delivered.json)).toBe(200);
    expect(delivered.json).toEqual({ outcome: "on_call_changed", incidentId: null, groupId: group.id });
    expect(await loadOnCall(new Date())).toEqual(new Map([["sre-approvers", new Set([people.sue])]]));
    const event = await lastEvent("group.on_call_changed");
    expect(event).toMatchObject({ actorKind: "INTEGRATION", subjectId: group.id });
    expect(event.data).toMatchObject({ onCall: ["sue@example.com"], skipped: ["olga@example.com"], source: "pagerduty", until: new Date(until).toISOString() });
  });

  it("ignores a schedule that names no Baton group, and refuses a bad signature or missing users", async () => {
    expect((await deliver({ schedule: { summary: "Nobody here" }, users: [] })).json).toEqual({ outcome: "ignored", incidentId: null });
    const before = await prisma.onCallShift.count();
    const forged = await deliver(
      { group: "sre-approvers", users: [{ email: "sam@example.com" }] },
      { secret: "whsec_" + Buffer.from("not the secret at all, no").toString("base64") },
    );
    expect(forged.status).toBe(401);
    expect((await deliver({ group: "sre-approvers" })).status).toBe(400);
    expect(await prisma.onCallShift.count()).toBe(before);
  });
});

describe("tags on agents and scopes", () => {
  it("round-trip through create, update, lists and audit, sorted and without duplicates", async () => {
    const scope = await call(scopesRoute.POST, {
      token: admin,
      body: { key: "deploy.prod:write", risk: "HIGH", maxDurationSeconds: 600, tags: ["prod", "deploy", "prod"] },
    });
    expect(scope.status, JSON.stringify(scope.json)).toBe(201);
    expect(scope.json.tags).toEqual(["deploy", "prod"]);
    const retagged = await call(scopeRoute.PATCH, { token: admin, method: "PATCH", params: { key: "deploy.prod:write" }, body: { tags: ["pii"] } });
    expect(retagged.json.tags).toEqual(["pii"]);
    expect((await lastEvent("scope.updated")).data).toMatchObject({ before: { tags: ["deploy", "prod"] }, after: { tags: ["pii"] } });
    expect((await call(scopesRoute.GET, { token: admin })).json.items.find((item: { key: string }) => item.key === "deploy.prod:write").tags).toEqual(["pii"]);

    const agent = await call(agentsRoute.POST, { token: admin, body: { name: "oncall-bot", ownerEmail: "admin@example.com", tags: ["oncall-bot"] } });
    expect(agent.status, JSON.stringify(agent.json)).toBe(201);
    expect(agent.json.tags).toEqual(["oncall-bot"]);
    expect((await lastEvent("agent.created")).data).toMatchObject({ tags: ["oncall-bot"] });
    const updated = await call(agentRoute.PATCH, { token: admin, method: "PATCH", params: { id: agent.json.id }, body: { tags: ["sre", "oncall-bot"] } });
    expect(updated.status, JSON.stringify(updated.json)).toBe(200);
    expect(updated.json.tags).toEqual(["oncall-bot", "sre"]);
    expect((await lastEvent("agent.updated")).data).toMatchObject({ tags: { before: ["oncall-bot"], after: ["oncall-bot", "sre"] } });
    expect((await call(agentsRoute.GET, { token: admin })).json.items.find((item: { id: string }) => item.id === agent.json.id).tags).toEqual([
      "oncall-bot",
      "sre",
    ]);
  });

  it("refuses tags that are not lower-case slugs, too long or too many", async () => {
    const upper = await call(agentsRoute.POST, { token: admin, body: { name: "tag-bot", ownerEmail: "admin@example.com", tags: ["ok", "Not OK"] } });
    expect(upper.status).toBe(400);
    expect(upper.json.errors[0].field).toBe("tags.1");
    const long = await call(scopesRoute.POST, { token: admin, body: { key: "x:y", risk: "LOW", maxDurationSeconds: 600, tags: ["a".repeat(41)] } });
    expect(long.json.errors[0].field).toBe("tags.0");
    const many = Array.from({ length: 21 }, (_, index) => `t${index}`);
    expect((await call(scopesRoute.POST, { token: admin, body: { key: "x:y", risk: "LOW", maxDurationSeconds: 600, tags: many } })).json.errors[0].field).toBe(
      "tags",
    );
    expect((await call(agentRoute.PATCH, { token: admin, method: "PATCH", params: { id: "agt_01jd3zzzzzzzzzzzzzzzzzzzzz" }, body: { tags: [] } })).status).toBe(
      404,
    );
  });
});
