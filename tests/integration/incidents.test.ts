import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as decisionsRoute from "@/app/api/v1/decisions/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentRoute from "@/app/api/v1/incidents/[id]/route";
import * as grantsRoute from "@/app/api/v1/incidents/[id]/grants/route";
import * as resolveRoute from "@/app/api/v1/incidents/[id]/resolve/route";
import * as commanderRoute from "@/app/api/v1/incidents/[id]/commander/route";
import { decideRequest } from "@/lib/approvals/decide-request";
import { verifyChain } from "@/lib/audit/verify-chain";
import { grantIncidentAuthority } from "@/lib/incidents/grant-incident-authority";
import { call, ensureAdmin } from "./api-helpers";
import { openIncidentAs, registerBot, setUpIncidentWorld, type IncidentWorld } from "./incident-fixtures";

let world: IncidentWorld;

beforeAll(async () => {
  world = await setUpIncidentWorld(await ensureAdmin());
});

const grantAs = (token: string, incidentId: string, body: Record<string, unknown>) =>
  call(grantsRoute.POST, {
    token,
    params: { id: incidentId },
    body: { agentId: world.bot.id, scopes: ["crm.notes:write"], durationSeconds: 600, reason: "Annotate the affected customers", ...body },
  });
const resolveAs = (token: string, incidentId: string, note?: string) =>
  call(resolveRoute.POST, { token, params: { id: incidentId }, body: note ? { note } : {} });
const decide = (agentId: string, scope: string) => call(decisionsRoute.POST, { token: world.crmSecret, body: { agentId, scope } });
const approverAlice = async () => ({
  kind: "person" as const,
  userId: (await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } })).id,
  role: "APPROVER" as const,
  authTime: new Date(),
});

describe("opening and reading incidents through the API", () => {
  it("lets a commander open one, and makes them its commander", async () => {
    const incident = await openIncidentAs(world.carol.token, { description: "p99 above 4 s", externalId: "INC-1" });
    expect(incident).toMatchObject({ status: "OPEN", commander: { email: "carol@example.com" }, externalSource: null });
    const read = await call(incidentRoute.GET, { token: world.cody.token, params: { id: incident.id } });
    expect(read.json).toMatchObject({
      id: incident.id,
      title: "Checkout latency spike",
      severity: "SEV2",
      description: "p99 above 4 s",
      activeGrants: 0,
      pendingRequests: 0,
    });
    const events = await prisma.auditEvent.findMany({ where: { subjectId: incident.id } });
    expect(events.map((e) => [e.action, e.actorKind, e.actorId])).toEqual([["incident.opened", "USER", world.carol.id]]);
  });

  it("lets an admin name another commander", async () => {
    expect(await openIncidentAs(world.admin.token, { commanderEmail: "CODY@example.com" })).toMatchObject({ commander: { email: "cody@example.com" } });
  });

  it("refuses viewers, approvers and agents with 403, and bad bodies with 400 naming each field", async () => {
    const body = { title: "Something", severity: "SEV2" };
    for (const token of [world.victor.token, world.ops.key]) {
      const refused = await call(incidentsRoute.POST, { token, body });
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
    }
    const invalid = await call(incidentsRoute.POST, { token: world.carol.token, body: { title: "x", severity: "SEV9", status: "RESOLVED" } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["body", "severity", "title"]);
    const notACommander = await call(incidentsRoute.POST, { token: world.carol.token, body: { ...body, commanderEmail: "victor@example.com" } });
    expect(notACommander.status).toBe(400);
    expect(notACommander.json.errors).toEqual([{ field: "commanderEmail", message: "is not an active commander or admin" }]);
    expect((await call(incidentRoute.GET, { token: world.carol.token, params: { id: "inc_01jd3z8k6q4d2w5h7x9c0v1b2n" } })).status).toBe(404);
  });

  it("lists open incidents first, most severe first", async () => {
    const minor = await openIncidentAs(world.carol.token, { title: "Minor thing", severity: "SEV4" });
    const major = await openIncidentAs(world.carol.token, { title: "Major thing", severity: "SEV1" });
    const resolved = await openIncidentAs(world.carol.token, { title: "Over already", severity: "SEV1" });
    expect((await resolveAs(world.carol.token, resolved.id)).status).toBe(200);
    const list = await call(incidentsRoute.GET, { token: world.carol.token });
    const ids = list.json.items.map((i: { id: string }) => i.id);
    expect(ids[0]).toBe(major.id);
    expect(ids.indexOf(minor.id)).toBeLessThan(ids.indexOf(resolved.id));
    expect(list.json.items.at(-1)).toMatchObject({ status: "RESOLVED" });
  });
});

describe("the commander's direct grant", () => {
  it("issues a grant without a request, acting for and granted by the commander, bound to the incident", async () => {
    const incident = await openIncidentAs(world.carol.token, { externalId: "INC-77" });
    const granted = await grantAs(world.carol.token, incident.id, {});
    expect(granted.status, JSON.stringify(granted.json)).toBe(201);
    expect(granted.json).toMatchObject({
      outcome: "granted",
      requestId: null,
      grant: { incidentId: incident.id, requestId: null, scopes: ["crm.notes:write"], onBehalfOf: "carol@example.com", contextRef: "INC-77", status: "ACTIVE" },
    });
    const row = await prisma.grant.findUniqueOrThrow({ where: { id: granted.json.grant.id } });
    expect(row).toMatchObject({ grantedByKind: "USER", grantedById: world.carol.id, reason: "Annotate the affected customers" });
    expect((await decide(world.bot.id, "crm.notes:write")).json).toMatchObject({ allow: true, grantId: row.id });
    expect((await call(incidentRoute.GET, { token: world.carol.token, params: { id: incident.id } })).json.activeGrants).toBe(1);
  });

  it("stays within the agent's eligible scopes and each scope's maximum duration", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const ineligible = await grantAs(world.carol.token, incident.id, { scopes: ["crm.notes:write", "billing.invoices:read"] });
    expect(ineligible.status).toBe(403);
    expect(ineligible.json.errors).toEqual([{ field: "scopes.1", message: "billing.invoices:read is outside this agent's eligible scopes" }]);
    const tooLong = await grantAs(world.carol.token, incident.id, { durationSeconds: 1200 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors).toEqual([{ field: "durationSeconds", message: "must be at most 900 seconds" }]);
    const unknownAgent = await grantAs(world.carol.token, incident.id, { agentId: "agt_01jd3z8k6q4d2w5h7x9c0v1b2n" });
    expect(unknownAgent.status).toBe(400);
    expect(unknownAgent.json.errors[0].field).toBe("agentId");
    expect(await prisma.grant.count({ where: { incidentId: incident.id } })).toBe(0);
  });

  it("is for the incident's commander or an admin only", async () => {
    const incident = await openIncidentAs(world.carol.token);
    expect((await grantAs(world.cody.token, incident.id, {})).status).toBe(403);
    expect((await grantAs(world.victor.token, incident.id, {})).status).toBe(403);
    expect((await grantAs(world.integration.credential, incident.id, {})).status).toBe(403);
    expect((await grantAs(world.admin.token, incident.id, {})).status).toBe(201);
  });

  it("files a critical scope as a request carrying the commander's approval, which a second approver completes", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const filed = await grantAs(world.carol.token, incident.id, { scopes: ["crm.notes:write", "crm.customers:erase"], durationSeconds: 900 });
    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({ outcome: "awaiting_second_approval", grant: null, requestId: expect.stringMatching(/^req_/) });
    const request = await prisma.accessRequest.findUniqueOrThrow({ where: { id: filed.json.requestId }, include: { approvals: true } });
    expect(request).toMatchObject({ status: "PENDING", incidentId: incident.id, filedById: world.carol.id, onBehalfOfId: world.carol.id });
    expect(request.approvals.map((a) => [a.approverId, a.decision])).toEqual([[world.carol.id, "APPROVE"]]);
    expect((await decide(world.bot.id, "crm.customers:erase")).json.allow).toBe(false);

    // Separation of duties: the commander filed it and the agent would act for them.
    await expect(
      decideRequest({
        principal: { kind: "person" as const, userId: world.carol.id, role: "COMMANDER", authTime: new Date() },
        requestId: request.id,
        decision: { kind: "approve", comment: "" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await decideRequest({ principal: await approverAlice(), requestId: request.id, decision: { kind: "approve", comment: "confirmed" } })).toMatchObject(
      { outcome: "approved" },
    );
    const grant = await prisma.grant.findUniqueOrThrow({ where: { requestId: request.id } });
    expect(grant).toMatchObject({ incidentId: incident.id, scopes: ["crm.notes:write", "crm.customers:erase"] });
  });

  it("asks for a recent sign-in before the commander's approval of a critical scope, as for any approval", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const input = { agentId: world.bot.id, scopes: ["crm.customers:erase"], durationSeconds: 600, reason: "Erase the leaked test accounts" };
    const carol = { kind: "person" as const, userId: world.carol.id, role: "COMMANDER" as const };
    const stale = new Date(Date.now() - 11 * 60_000);
    await expect(grantIncidentAuthority({ principal: { ...carol, authTime: stale }, incidentId: incident.id, input })).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { errors: [{ field: "stepUp" }] },
    });
    expect(await prisma.accessRequest.count({ where: { incidentId: incident.id } })).toBe(0);
    // Not critical: a direct grant needs no step-up.
    expect(
      (await grantIncidentAuthority({ principal: { ...carol, authTime: stale }, incidentId: incident.id, input: { ...input, scopes: ["crm.notes:write"] } }))
        .outcome,
    ).toBe("granted");
    expect((await grantIncidentAuthority({ principal: { ...carol, authTime: new Date() }, incidentId: incident.id, input })).outcome).toBe(
      "awaiting_second_approval",
    );
  });

  it("never lets the commander's own approval complete a critical request, even when they could approve it", async () => {
    // Scopes without an approver group are decided by admins: an admin commanding the incident is one of them.
    await prisma.scope.update({ where: { key: "crm.customers:erase" }, data: { approverGroupId: null } });
    try {
      const incident = await openIncidentAs(world.admin.token);
      const filed = await grantAs(world.admin.token, incident.id, { scopes: ["crm.customers:erase"] });
      expect(filed.json.outcome).toBe("awaiting_second_approval");
      expect(await prisma.accessRequest.findUniqueOrThrow({ where: { id: filed.json.requestId } })).toMatchObject({ status: "PENDING" });
    } finally {
      const group = await prisma.approverGroup.findUniqueOrThrow({ where: { name: "crm-approvers" } });
      await prisma.scope.update({ where: { key: "crm.customers:erase" }, data: { approverGroupId: group.id } });
    }
  });
});

describe("resolving ends the incident's authority", () => {
  it("revokes every bound grant and cancels bound pending requests in the resolving transaction; decisions deny at once", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const bot = await registerBot(world.admin.token, "resolved-bot");
    const direct = (await grantAs(world.carol.token, incident.id, { agentId: bot.id })).json.grant.id as string;
    const filedByAgent = await call(requestsRoute.POST, {
      token: bot.key,
      body: { scopes: ["crm.customers:read"], justification: "Look up customers hit by the incident", durationSeconds: 600, incidentId: incident.id },
    });
    expect(filedByAgent.json).toMatchObject({ status: "APPROVED", incidentId: incident.id, grant: { incidentId: incident.id } });
    const pending = (await grantAs(world.carol.token, incident.id, { agentId: bot.id, scopes: ["crm.customers:erase"] })).json.requestId as string;
    const unbound = await registerBot(world.admin.token, "unbound-bot");
    await call(requestsRoute.POST, {
      token: unbound.key,
      body: { scopes: ["crm.customers:read"], justification: "Routine lookup, not incident work", durationSeconds: 600 },
    });

    expect((await decide(bot.id, "crm.notes:write")).json).toMatchObject({ allow: true, grantId: direct });
    expect((await decide(bot.id, "crm.customers:read")).json).toMatchObject({ allow: true, grantId: filedByAgent.json.grant.id });

    const resolved = await resolveAs(world.carol.token, incident.id, "Rolled back the checkout deploy");
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({ status: "RESOLVED", resolutionNote: "Rolled back the checkout deploy", activeGrants: 0, pendingRequests: 0 });

    expect((await decide(bot.id, "crm.notes:write")).json).toEqual({ allow: false, reason: "no_grant" });
    expect((await decide(bot.id, "crm.customers:read")).json).toEqual({ allow: false, reason: "no_grant" });
    expect((await decide(unbound.id, "crm.customers:read")).json.allow).toBe(true);

    const grants = await prisma.grant.findMany({ where: { incidentId: incident.id } });
    expect(grants).toHaveLength(2);
    for (const grant of grants)
      expect(grant).toMatchObject({
        status: "REVOKED",
        revokeReason: "incident resolved",
        revokedByKind: "USER",
        revokedById: world.carol.id,
        revokedAt: expect.any(Date),
      });
    expect(await prisma.accessRequest.findUniqueOrThrow({ where: { id: pending } })).toMatchObject({ status: "CANCELLED", outcomeReason: "incident resolved" });

    // One transaction: the resolution and everything it ended are consecutive in the audit chain.
    const resolution = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: incident.id, action: "incident.resolved" } });
    const following = await prisma.auditEvent.findMany({ where: { seq: { gt: resolution.seq } }, orderBy: { seq: "asc" }, take: 3 });
    expect(following.map((e) => e.action).sort()).toEqual(["grant.revoked", "grant.revoked", "request.cancelled"]);
    expect(new Set(following.map((e) => e.at.getTime()))).toEqual(new Set([resolution.at.getTime()]));
    expect(await verifyChain()).toMatchObject({ ok: true });
  });

  it("is final: resolving again, granting or filing against a resolved incident are 409, and change nothing", async () => {
    const incident = await openIncidentAs(world.carol.token);
    expect((await resolveAs(world.carol.token, incident.id)).status).toBe(200);
    const before = await prisma.auditEvent.count();
    const again = await resolveAs(world.admin.token, incident.id);
    expect(again.status).toBe(409);
    expect(again.json.detail).toMatch(/already resolved/);
    expect((await grantAs(world.carol.token, incident.id, {})).status).toBe(409);
    const filed = await call(requestsRoute.POST, {
      token: world.bot.key,
      body: { scopes: ["crm.customers:read"], justification: "Too late for the incident", durationSeconds: 600, incidentId: incident.id },
    });
    expect(filed.status).toBe(409);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("is for the incident's commander or an admin: another commander and viewers are refused", async () => {
    const incident = await openIncidentAs(world.carol.token);
    expect((await resolveAs(world.cody.token, incident.id)).status).toBe(403);
    expect((await resolveAs(world.victor.token, incident.id)).status).toBe(403);
    expect((await resolveAs(world.integration.credential, incident.id)).status).toBe(403);
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe("OPEN");
  });

  it("has exactly one outcome when two resolutions race", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const grantIds = [
      (await grantAs(world.carol.token, incident.id, {})).json.grant.id,
      (await grantAs(world.carol.token, incident.id, { scopes: ["crm.customers:read"] })).json.grant.id,
    ];
    const outcomes = await Promise.all([resolveAs(world.carol.token, incident.id), resolveAs(world.admin.token, incident.id)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    expect(await prisma.auditEvent.count({ where: { subjectId: incident.id, action: "incident.resolved" } })).toBe(1);
    for (const id of grantIds) expect(await prisma.auditEvent.count({ where: { subjectId: id, action: "grant.revoked" } })).toBe(1);
  });

  it("never leaves authority bound to a resolved incident when granting or filing races the resolution", async () => {
    const bot = await registerBot(world.admin.token, "racing-bot");
    for (let round = 0; round < 4; round++) {
      const incident = await openIncidentAs(world.carol.token);
      const [granted, filed, resolved] = await Promise.all([
        grantAs(world.carol.token, incident.id, { agentId: bot.id }),
        call(requestsRoute.POST, {
          token: bot.key,
          body: { scopes: ["crm.customers:read"], justification: "Look up the customers hit", durationSeconds: 600, incidentId: incident.id },
        }),
        resolveAs(world.carol.token, incident.id),
      ]);
      expect(resolved.status).toBe(200);
      expect([201, 409]).toContain(granted.status);
      expect([201, 409]).toContain(filed.status);
      expect(await prisma.grant.count({ where: { incidentId: incident.id, status: "ACTIVE" } })).toBe(0);
      expect(await prisma.accessRequest.count({ where: { incidentId: incident.id, status: "PENDING" } })).toBe(0);
    }
    expect((await decide(bot.id, "crm.notes:write")).json.allow).toBe(false);
    expect((await decide(bot.id, "crm.customers:read")).json.allow).toBe(false);
  });

  it("lets an agent bind its request to an open incident only", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const body = { scopes: ["crm.customers:read"], justification: "Look up the customers hit", durationSeconds: 600 };
    expect((await call(requestsRoute.POST, { token: world.bot.key, body: { ...body, incidentId: incident.id } })).status).toBe(201);
    const unknown = await call(requestsRoute.POST, { token: world.bot.key, body: { ...body, incidentId: "inc_01jd3z8k6q4d2w5h7x9c0v1b2n" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([{ field: "incidentId", message: "is not a known incident" }]);
  });
});

const handOverAs = (token: string, incidentId: string, body: Record<string, unknown>) => call(commanderRoute.POST, { token, params: { id: incidentId }, body });

describe("handing over command", () => {
  it("passes command to another commander, who then runs the incident while the former one cannot; grants stay bound", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const grantId = (await grantAs(world.carol.token, incident.id, {})).json.grant.id as string;
    const handed = await handOverAs(world.carol.token, incident.id, { commanderEmail: "Cody@Example.com", note: "End of my shift" });
    expect(handed.status).toBe(200);
    expect(handed.json).toMatchObject({ id: incident.id, status: "OPEN", commander: { email: "cody@example.com" }, activeGrants: 1 });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: incident.id, action: "incident.commander_changed" } });
    expect(event).toMatchObject({
      actorKind: "USER",
      actorId: world.carol.id,
      data: { from: world.carol.id, to: world.cody.id, toEmail: "cody@example.com", note: "End of my shift" },
    });

    expect((await grantAs(world.carol.token, incident.id, {})).status).toBe(403);
    expect((await resolveAs(world.carol.token, incident.id)).status).toBe(403);
    expect((await grantAs(world.cody.token, incident.id, { scopes: ["crm.customers:read"] })).status).toBe(201);
    expect(await prisma.grant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ status: "ACTIVE", incidentId: incident.id });
    expect((await resolveAs(world.cody.token, incident.id)).status).toBe(200);
    expect(await prisma.grant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ status: "REVOKED" });
  });

  it("lets an admin take command for someone away, and refuses everyone else with 403, changing nothing", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const before = await prisma.auditEvent.count();
    for (const token of [world.cody.token, world.victor.token, world.bot.key, world.integration.credential])
      expect((await handOverAs(token, incident.id, { commanderEmail: "cody@example.com" })).status).toBe(403);
    expect(await prisma.auditEvent.count()).toBe(before);
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).commanderId).toBe(world.carol.id);
    const taken = await handOverAs(world.admin.token, incident.id, { commanderEmail: world.admin.email });
    expect(taken.status).toBe(200);
    expect(taken.json.commander.email).toBe(world.admin.email);
  });

  it("refuses a viewer, an unknown person and bad bodies with 400 naming the field; the same commander or a resolved incident with 409", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const viewer = await handOverAs(world.carol.token, incident.id, { commanderEmail: "victor@example.com" });
    expect(viewer.status).toBe(400);
    expect(viewer.json.errors).toEqual([{ field: "commanderEmail", message: "is not an active commander or admin" }]);
    expect((await handOverAs(world.carol.token, incident.id, { commanderEmail: "nobody@example.com" })).json.errors[0].field).toBe("commanderEmail");
    const invalid = await handOverAs(world.carol.token, incident.id, { commanderEmail: "not an email", extra: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("content-type")).toBe("application/problem+json");
    expect(invalid.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["body", "commanderEmail"]);
    const same = await handOverAs(world.carol.token, incident.id, { commanderEmail: "carol@example.com" });
    expect(same.status).toBe(409);
    expect((await resolveAs(world.carol.token, incident.id)).status).toBe(200);
    expect((await handOverAs(world.carol.token, incident.id, { commanderEmail: "cody@example.com" })).status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { subjectId: incident.id, action: "incident.commander_changed" } })).toBe(0);
  });

  it("has one outcome when a hand-over races the resolution", async () => {
    const incident = await openIncidentAs(world.carol.token);
    const [handed, resolved] = await Promise.all([
      handOverAs(world.carol.token, incident.id, { commanderEmail: "cody@example.com" }),
      resolveAs(world.admin.token, incident.id),
    ]);
    expect(resolved.status).toBe(200);
    expect([200, 409]).toContain(handed.status);
    const row = await prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.status).toBe("RESOLVED");
    expect(row.commanderId).toBe(handed.status === 200 ? world.cody.id : world.carol.id);
    expect(await prisma.auditEvent.count({ where: { subjectId: incident.id, action: "incident.commander_changed" } })).toBe(handed.status === 200 ? 1 : 0);
  });
});

describe("incident tools with their integration credential", () => {
  it("open incidents under their own name, once per external id, and resolve only those", async () => {
    const opened = await openIncidentAs(world.integration.credential, { externalId: "PABC123", severity: "SEV1" });
    expect(opened).toMatchObject({ externalSource: "pagerduty", commander: null });
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: opened.id } })).actorKind).toBe("INTEGRATION");
    const twice = await call(incidentsRoute.POST, { token: world.integration.credential, body: { title: "Again", severity: "SEV1", externalId: "PABC123" } });
    expect(twice.status).toBe(409);

    const someoneElses = await openIncidentAs(world.carol.token);
    expect((await resolveAs(world.integration.credential, someoneElses.id)).status).toBe(403);
    expect((await resolveAs(world.integration.credential, opened.id)).json).toMatchObject({ status: "RESOLVED" });
  });

  it("are refused once the credential is wrong", async () => {
    const forged = `batonint_${"A".repeat(43)}`;
    expect((await call(incidentsRoute.POST, { token: forged, body: { title: "Forged", severity: "SEV1" } })).status).toBe(401);
  });
});
