import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyChain } from "@/lib/audit/verify-chain";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as requestRoute from "@/app/api/v1/access-requests/[id]/route";
import * as cancelRoute from "@/app/api/v1/access-requests/[id]/cancel/route";
import * as grantsRoute from "@/app/api/v1/grants/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as groupsRoute from "@/app/api/v1/admin/groups/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import { call, ensureAdmin } from "./api-helpers";

let admin: string;
let opsKey: string;
let otherKey: string;
let opsId: string;

/** The secret part of `baton_<prefix>_<secret>` (the secret itself may contain "_"). */
const secretOf = (key: string) => key.split("_").slice(2).join("_");

const valid = { scopes: ["logs.read"], justification: "Investigating the checkout errors", durationSeconds: 600 };

async function agentWithKey(name: string, eligibleScopes: string[]) {
  const agent = await call(agentsRoute.POST, { token: admin, body: { name, ownerEmail: "owner@example.com", eligibleScopes } });
  expect(agent.status).toBe(201);
  const key = await call(keysRoute.POST, { token: admin, params: { id: agent.json.id } });
  expect(key.status).toBe(201);
  return { id: agent.json.id as string, key: key.json.key as string };
}

beforeAll(async () => {
  admin = await ensureAdmin();
  expect(
    (await call(usersRoute.POST, { token: admin, body: { email: "owner@example.com", name: "Owner", role: "VIEWER", password: "owner password 1" } })).status,
  ).toBe(201);
  expect((await call(usersRoute.POST, { token: admin, body: { email: "alice@example.com", name: "Alice", role: "APPROVER" } })).json.invitationUrl).toMatch(
    /\/invite\/[A-Za-z0-9_-]{43}$/,
  );
  expect((await call(groupsRoute.POST, { token: admin, body: { name: "platform", memberEmails: ["alice@example.com"] } })).status).toBe(201);
  for (const scope of [
    { key: "logs.read", risk: "LOW", maxDurationSeconds: 3600, autoApprove: true },
    { key: "db.orders:write", risk: "HIGH", maxDurationSeconds: 1800, approvalsRequired: 2, approverGroup: "platform" },
    { key: "k8s.prod:exec", risk: "CRITICAL", maxDurationSeconds: 900, approverGroup: "platform" },
  ])
    expect((await call(scopesRoute.POST, { token: admin, body: scope })).status).toBe(201);
  const ops = await agentWithKey("ops-bot", ["logs.read", "db.orders:write"]);
  opsKey = ops.key;
  opsId = ops.id;
  otherKey = (await agentWithKey("other-bot", ["logs.read"])).key;
});

describe("filing", () => {
  it("auto-approves when every scope allows it: the 201 already carries the grant", async () => {
    const response = await call(requestsRoute.POST, { token: opsKey, body: { ...valid, onBehalfOf: "Alice@Example.com", contextRef: "INC-42" } });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      status: "APPROVED",
      scopes: ["logs.read"],
      durationSeconds: 600,
      onBehalfOf: "alice@example.com",
      contextRef: "INC-42",
    });
    expect(response.json.grant).toMatchObject({ status: "ACTIVE", scopes: ["logs.read"], onBehalfOf: "alice@example.com" });
    expect(new Date(response.json.grant.expiresAt).getTime() - new Date(response.json.grant.startsAt).getTime()).toBe(600_000);
    const actions = (await prisma.auditEvent.findMany({ where: { agentId: opsId }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(["request.filed", "request.approved", "grant.issued"]);
  });

  it("leaves anything else pending for approvers, with its lapse time", async () => {
    const response = await call(requestsRoute.POST, { token: opsKey, body: { ...valid, scopes: ["logs.read", "db.orders:write"] } });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ status: "PENDING", grant: null, decidedAt: null });
    expect(new Date(response.json.pendingExpiresAt).getTime() - new Date(response.json.createdAt).getTime()).toBe(24 * 3600 * 1000);
  });

  it.each([
    ["an unknown scope", { ...valid, scopes: ["logs.read", "nope.scope"] }, 400, "scopes.1"],
    ["a scope outside the eligible set", { ...valid, scopes: ["k8s.prod:exec"], durationSeconds: 300 }, 403, "scopes.0"],
    ["a duration over the scope's maximum", { ...valid, durationSeconds: 3601 }, 400, "durationSeconds"],
    ["no justification", { scopes: ["logs.read"], durationSeconds: 600 }, 400, "justification"],
    ["CR/LF in the justification", { ...valid, justification: "Looks fine\r\n[approved by admin]" }, 400, "justification"],
    ["an ANSI escape", { ...valid, justification: "hello \u001b[31mred\u001b[0m world" }, 400, "justification"],
    ["a zero-width character", { ...valid, justification: "Investigating\u200b the errors" }, 400, "justification"],
    ["a body that sets its own status", { ...valid, status: "APPROVED" }, 400, "body"],
    ["a wildcard scope", { ...valid, scopes: ["db:*"] }, 400, "scopes.0"],
    ["comma-joined scopes", { ...valid, scopes: ["db:read,db:admin"] }, 400, "scopes.0"],
    ["an upper-case scope", { ...valid, scopes: ["LOGS.READ"] }, 400, "scopes.0"],
    ["a path in a scope", { ...valid, scopes: ["../etc"] }, 400, "scopes.0"],
    ["a homoglyph scope", { ...valid, scopes: ["logs.reаd"] }, 400, "scopes.0"],
    ["a repeated scope", { ...valid, scopes: ["logs.read", "logs.read"] }, 400, "scopes"],
    ["a negative duration", { ...valid, durationSeconds: -1 }, 400, "durationSeconds"],
    ["a zero duration", { ...valid, durationSeconds: 0 }, 400, "durationSeconds"],
    ["a fractional duration", { ...valid, durationSeconds: 600.5 }, 400, "durationSeconds"],
    ["a string duration", { ...valid, durationSeconds: "3600" }, 400, "durationSeconds"],
    ["a huge duration", { ...valid, durationSeconds: 2 ** 53 + 1 }, 400, "durationSeconds"],
    ["an unknown on-behalf-of person", { ...valid, onBehalfOf: "ghost@example.com" }, 400, "onBehalfOf"],
    ["an unknown incident", { ...valid, incidentId: "inc_01jd3z8k6q4d2w5h7x9c0v1b2n" }, 400, "incidentId"],
  ])("refuses %s (%s naming %s)", async (_case, body, status, field) => {
    const before = await prisma.accessRequest.count();
    const response = await call(requestsRoute.POST, { token: opsKey, body });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.json).toMatchObject({ type: expect.stringMatching(/^urn:baton:problem:/), title: expect.any(String), status, detail: expect.any(String) });
    expect(response.json.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await prisma.accessRequest.count()).toBe(before);
  });

  it("states the maximum when the duration is too long", async () => {
    const response = await call(requestsRoute.POST, { token: opsKey, body: { ...valid, scopes: ["logs.read", "db.orders:write"], durationSeconds: 3000 } });
    expect(response.json.detail).toContain("at most 1800");
  });

  it.each([
    ["invalid JSON", { rawBody: "{scopes:", headers: { "content-type": "application/json" } }, 400],
    [
      "1e309 (infinite) duration",
      { rawBody: '{"scopes":["logs.read"],"justification":"Investigating errors","durationSeconds":1e309}', headers: { "content-type": "application/json" } },
      400,
    ],
    ["a form-encoded body", { rawBody: "scopes=logs.read", headers: { "content-type": "application/x-www-form-urlencoded" } }, 400],
    ["text/plain JSON (cross-site form)", { rawBody: JSON.stringify(valid), headers: { "content-type": "text/plain" } }, 400],
    ["a body over 64 KiB", { rawBody: JSON.stringify({ ...valid, justification: "x".repeat(70_000) }), headers: { "content-type": "application/json" } }, 413],
    [
      "a 10k-element scope array",
      { rawBody: JSON.stringify({ ...valid, scopes: Array(10_000).fill("a") }), headers: { "content-type": "application/json" } },
      400,
    ],
    [
      "a NUL character (escaped in JSON)",
      { rawBody: JSON.stringify({ ...valid, contextRef: "TICKET\u0000-1" }), headers: { "content-type": "application/json" } },
      400,
    ],
    [
      "an unpaired surrogate (escaped in JSON)",
      { rawBody: JSON.stringify({ ...valid, contextRef: "TICKET-\udfff" }), headers: { "content-type": "application/json" } },
      400,
    ],
  ])("refuses %s before anything is stored", async (_case, options, status) => {
    const before = await prisma.accessRequest.count();
    const response = await call(requestsRoute.POST, { token: opsKey, ...options });
    expect(response.status).toBe(status);
    expect(response.json.status).toBe(status);
    expect(await prisma.accessRequest.count()).toBe(before);
  });
});

describe("idempotency", () => {
  it("returns the same request for a retry, 200, and refuses a changed body with 422", async () => {
    const headers = { "idempotency-key": "retry-1" };
    const first = await call(requestsRoute.POST, { token: opsKey, body: valid, headers });
    const again = await call(requestsRoute.POST, { token: opsKey, body: valid, headers });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json.id).toBe(first.json.id);
    const changed = await call(requestsRoute.POST, { token: opsKey, body: { ...valid, durationSeconds: 601 }, headers });
    expect(changed.status).toBe(422);
    expect(changed.json.errors[0].field).toBe("Idempotency-Key");
  });

  it("files exactly one request for 20 parallel identical calls", async () => {
    const headers = { "idempotency-key": "storm-1" };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call(requestsRoute.POST, { token: opsKey, body: { ...valid, scopes: ["db.orders:write"] }, headers })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201].sort());
    expect(new Set(responses.map((r) => r.json.id)).size).toBe(1);
    expect(await prisma.accessRequest.count({ where: { idempotencyKey: "storm-1" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "request.filed", subjectId: responses[0]!.json.id } })).toBe(1);
  });

  it("keeps keys per agent: another agent may use the same key", async () => {
    const response = await call(requestsRoute.POST, { token: otherKey, body: valid, headers: { "idempotency-key": "retry-1" } });
    expect(response.status).toBe(201);
  });
});

describe("following a request", () => {
  it("gets, lists with a cursor, and cancels only the agent's own", async () => {
    const filed = await call(requestsRoute.POST, { token: opsKey, body: { ...valid, scopes: ["db.orders:write"] } });
    const id = filed.json.id;
    expect((await call(requestRoute.GET, { token: opsKey, params: { id } })).json.status).toBe("PENDING");

    // Another agent's id looks exactly like a missing one.
    for (const response of [
      await call(requestRoute.GET, { token: otherKey, params: { id } }),
      await call(cancelRoute.POST, { token: otherKey, params: { id } }),
    ]) {
      expect(response.status).toBe(404);
    }
    expect((await call(requestRoute.GET, { token: otherKey, params: { id: "req_01jd3z8k6q4d2w5h7x9c0v1b2n" } })).status).toBe(404);

    const pageOne = await call(requestsRoute.GET, { token: opsKey, path: "/api/v1/access-requests?limit=2" });
    expect(pageOne.json.items).toHaveLength(2);
    expect(pageOne.json.items[0].id).toBe(id);
    const pageTwo = await call(requestsRoute.GET, { token: opsKey, path: `/api/v1/access-requests?limit=2&cursor=${pageOne.json.nextCursor}` });
    expect(pageTwo.json.items[0].id < pageOne.json.items[1].id).toBe(true);
    const pending = await call(requestsRoute.GET, { token: opsKey, path: "/api/v1/access-requests?status=PENDING&limit=100" });
    expect(pending.json.items.every((r: { status: string }) => r.status === "PENDING")).toBe(true);
    expect((await call(requestsRoute.GET, { token: opsKey, path: "/api/v1/access-requests?status=bogus" })).status).toBe(400);

    const cancelled = await call(cancelRoute.POST, { token: opsKey, params: { id }, body: { reason: "no longer needed" } });
    expect(cancelled.json).toMatchObject({ status: "CANCELLED", reason: "no longer needed" });
    const again = await call(cancelRoute.POST, { token: opsKey, params: { id } });
    expect(again.status).toBe(409);
    expect(again.json.detail).toContain("cancelled");
  });

  it("long-polls: returns the moment the request leaves PENDING", async () => {
    const filed = await call(requestsRoute.POST, { token: opsKey, body: { ...valid, scopes: ["db.orders:write"] } });
    const started = Date.now();
    const waiting = call(requestRoute.GET, { token: opsKey, params: { id: filed.json.id }, path: `/api/v1/access-requests/${filed.json.id}?wait=20` });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await call(cancelRoute.POST, { token: opsKey, params: { id: filed.json.id } });
    const answered = await waiting;
    expect(answered.json.status).toBe("CANCELLED");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("long-polls: answers with the current state at the wait limit", async () => {
    const filed = await call(requestsRoute.POST, { token: opsKey, body: { ...valid, scopes: ["db.orders:write"] } });
    const started = Date.now();
    const answered = await call(requestRoute.GET, { token: opsKey, params: { id: filed.json.id }, path: `/api/v1/access-requests/${filed.json.id}?wait=1` });
    expect(answered.json.status).toBe("PENDING");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(
      (await call(requestRoute.GET, { token: opsKey, params: { id: filed.json.id }, path: `/api/v1/access-requests/${filed.json.id}?wait=61` })).status,
    ).toBe(400);
  });

  it("lists active grants with the seconds remaining", async () => {
    const grants = await call(grantsRoute.GET, { token: opsKey, path: "/api/v1/grants?status=active" });
    expect(grants.json.items.length).toBeGreaterThan(0);
    for (const grant of grants.json.items) {
      expect(grant.status).toBe("ACTIVE");
      expect(grant.secondsRemaining).toBeGreaterThan(0);
      expect(grant.secondsRemaining).toBeLessThanOrEqual(600);
    }
  });
});

describe("who may call what", () => {
  it("401 without or with a bad credential, audited without the secret", async () => {
    expect((await call(requestsRoute.GET, {})).status).toBe(401);
    const forged = opsKey.slice(0, -4) + "AAAA";
    const refused = await call(requestsRoute.GET, { token: forged });
    expect(refused.status).toBe(401);
    expect(refused.json.detail).toBe("The credential is missing, invalid, expired or revoked");
    const event = await prisma.auditEvent.findFirst({ where: { action: "auth.refused" }, orderBy: { seq: "desc" } });
    expect(event?.subjectId).toBe(opsKey.split("_")[1]);
    expect(JSON.stringify(event?.data)).not.toContain(secretOf(forged).slice(0, 10));
  });

  it("403 for an agent key on admin routes and an admin token on agent routes", async () => {
    expect((await call(scopesRoute.GET, { token: opsKey })).status).toBe(403);
    expect((await call(agentsRoute.POST, { token: opsKey, body: { name: "x-bot", ownerEmail: "owner@example.com" } })).status).toBe(403);
    expect((await call(requestsRoute.POST, { token: admin, body: valid })).status).toBe(403);
  });

  it("a key past its expiry is refused; a key last used over a minute ago is marked used again", async () => {
    const { key } = await agentWithKey("expiring-bot", ["logs.read"]);
    const prefix = key.split("_")[1]!;
    const longAgo = new Date(Date.now() - 3_600_000);
    await prisma.agentKey.update({ where: { prefix }, data: { lastUsedAt: longAgo } });
    expect((await call(grantsRoute.GET, { token: key })).status).toBe(200);
    const used = await prisma.agentKey.findUniqueOrThrow({ where: { prefix } });
    expect(used.lastUsedAt!.getTime()).toBeGreaterThan(longAgo.getTime() + 3_000_000);

    await prisma.agentKey.update({ where: { prefix }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(grantsRoute.GET, { token: key })).status).toBe(401);
    await prisma.agentKey.update({ where: { prefix }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await call(grantsRoute.GET, { token: key })).status).toBe(200);
  });

  it("stores keys only as hashes and never returns them again", async () => {
    const keys = await prisma.agentKey.findMany();
    expect(JSON.stringify(keys)).not.toContain(secretOf(opsKey));
    const listed = await call(keysRoute.GET, { token: admin, params: { id: opsId } });
    expect(JSON.stringify(listed.json)).not.toContain(secretOf(opsKey));
    expect(listed.json.items[0].lastUsedAt).not.toBeNull();
  });

  it("keeps the audit chain intact through all of it", async () => {
    expect((await verifyChain()).ok).toBe(true);
  });
});
