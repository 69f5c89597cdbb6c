import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyChain } from "@/lib/audit/verify-chain";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as grantsRoute from "@/app/api/v1/grants/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as scopeRoute from "@/app/api/v1/admin/scopes/[key]/route";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as rotateRoute from "@/app/api/v1/admin/agents/[id]/keys/[keyId]/rotate/route";
import * as revokeRoute from "@/app/api/v1/admin/agents/[id]/keys/[keyId]/revoke/route";
import * as disableRoute from "@/app/api/v1/admin/agents/[id]/disable/route";
import * as groupsRoute from "@/app/api/v1/admin/groups/route";
import * as groupRoute from "@/app/api/v1/admin/groups/[id]/route";
import * as agentRoute from "@/app/api/v1/admin/agents/[id]/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import { call, ensureAdmin } from "./api-helpers";

let admin: string;
const body = { scopes: ["tickets:write"], justification: "Closing duplicate support tickets", durationSeconds: 300 };

async function newAgent(name: string) {
  const agent = await call(agentsRoute.POST, {
    token: admin,
    body: { name, ownerEmail: "admin@example.com", eligibleScopes: ["tickets:write", "payments:refund"] },
  });
  const key = await call(keysRoute.POST, { token: admin, params: { id: agent.json.id } });
  return { id: agent.json.id as string, key: key.json.key as string, keyId: key.json.id as string };
}

beforeAll(async () => {
  admin = await ensureAdmin();
  await call(groupsRoute.POST, { token: admin, body: { name: "finance", memberEmails: ["admin@example.com"] } });
  await call(scopesRoute.POST, { token: admin, body: { key: "tickets:write", risk: "LOW", maxDurationSeconds: 3600, autoApprove: true } });
  await call(scopesRoute.POST, { token: admin, body: { key: "payments:refund", risk: "HIGH", maxDurationSeconds: 3600, approverGroup: "finance" } });
});

describe("scope catalog", () => {
  it("lists, edits, and refuses duplicates, unknown groups and key changes", async () => {
    expect((await call(scopesRoute.GET, { token: admin })).json.items.map((s: { key: string }) => s.key)).toEqual(["payments:refund", "tickets:write"]);
    expect((await call(scopesRoute.POST, { token: admin, body: { key: "tickets:write", risk: "LOW", maxDurationSeconds: 60 } })).status).toBe(409);
    const unknownGroup = await call(scopesRoute.POST, { token: admin, body: { key: "x:y", risk: "LOW", maxDurationSeconds: 60, approverGroup: "nobody" } });
    expect(unknownGroup.status).toBe(400);
    expect(unknownGroup.json.errors[0].field).toBe("approverGroup");
    const edited = await call(scopeRoute.PATCH, {
      token: admin,
      params: { key: "payments:refund" },
      body: { maxDurationSeconds: 1800, approvalsRequired: 2 },
      method: "PATCH",
    });
    expect(edited.json).toMatchObject({ key: "payments:refund", maxDurationSeconds: 1800, approvalsRequired: 2, approverGroup: "finance" });
    expect((await call(scopeRoute.PATCH, { token: admin, params: { key: "payments:refund" }, body: { key: "renamed" }, method: "PATCH" })).status).toBe(400);
    expect((await call(scopeRoute.PATCH, { token: admin, params: { key: "no.such" }, body: { risk: "LOW" }, method: "PATCH" })).status).toBe(404);
    const event = await prisma.auditEvent.findFirst({ where: { action: "scope.updated" } });
    expect(event?.data).toMatchObject({ before: { maxDurationSeconds: 3600 }, after: { maxDurationSeconds: 1800 } });
  });
});

describe("agents and keys", () => {
  it("refuses unknown owners and scopes with the field named", async () => {
    const response = await call(agentsRoute.POST, { token: admin, body: { name: "bad-bot", ownerEmail: "ghost@example.com", eligibleScopes: ["nope"] } });
    expect(response.status).toBe(400);
    expect(response.json.errors[0].field).toBe("ownerEmail");
    const scopes = await call(agentsRoute.POST, {
      token: admin,
      body: { name: "bad-bot", ownerEmail: "admin@example.com", eligibleScopes: ["tickets:write", "nope"] },
    });
    expect(scopes.json.errors[0].field).toBe("eligibleScopes.1");
  });

  it("changes an agent's description, owner and eligible scopes, audited, and refuses unknown scopes by position", async () => {
    const agent = await newAgent("editable-bot");
    const patch = (body: unknown, id = agent.id) => call(agentRoute.PATCH, { token: admin, params: { id }, body, method: "PATCH" });
    const edited = await patch({ description: "Edits tickets", eligibleScopes: ["tickets:write"] });
    expect(edited.json).toMatchObject({ description: "Edits tickets", eligibleScopes: ["tickets:write"], owner: { email: "admin@example.com" } });
    expect((await patch({ eligibleScopes: ["tickets:write", "nope"] })).json.errors[0].field).toBe("eligibleScopes.1");
    expect((await patch({ ownerEmail: "ghost@example.com" })).json.errors[0].field).toBe("ownerEmail");
    expect((await patch({})).status).toBe(400);
    expect((await patch({ name: "renamed" })).status).toBe(400);
    expect((await patch({ description: "x" }, "agt_0000000000000000000000nope")).status).toBe(404);
    const event = await prisma.auditEvent.findFirst({ where: { action: "agent.updated", subjectId: agent.id } });
    expect(event?.data).toMatchObject({ eligibleScopes: { before: ["payments:refund", "tickets:write"], after: ["tickets:write"] } });
  });

  it("rotates with an overlap during which both keys work, and revokes at once", async () => {
    const bot = await newAgent("rotating-bot");
    const rotated = await call(rotateRoute.POST, { token: admin, params: { id: bot.id, keyId: bot.keyId }, body: { overlapSeconds: 3600 } });
    expect(rotated.status).toBe(201);
    expect(rotated.json.key).toMatch(/^baton_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect((await call(grantsRoute.GET, { token: bot.key })).status).toBe(200);
    expect((await call(grantsRoute.GET, { token: rotated.json.key })).status).toBe(200);
    expect((await call(revokeRoute.POST, { token: admin, params: { id: bot.id, keyId: bot.keyId } })).json.revokedAt).not.toBeNull();
    expect((await call(grantsRoute.GET, { token: bot.key })).status).toBe(401);

    const immediate = await call(rotateRoute.POST, { token: admin, params: { id: bot.id, keyId: rotated.json.id }, body: { overlapSeconds: 0 } });
    expect((await call(grantsRoute.GET, { token: rotated.json.key })).status).toBe(401);
    expect((await call(grantsRoute.GET, { token: immediate.json.key })).status).toBe(200);
  });

  it("disabling an agent revokes keys, cancels pending requests and revokes grants in one audited step", async () => {
    const bot = await newAgent("doomed-bot");
    const granted = await call(requestsRoute.POST, { token: bot.key, body });
    const pending = await call(requestsRoute.POST, { token: bot.key, body: { ...body, scopes: ["payments:refund"] } });
    expect([granted.json.status, pending.json.status]).toEqual(["APPROVED", "PENDING"]);

    const disabled = await call(disableRoute.POST, { token: admin, params: { id: bot.id }, body: { reason: "compromised" } });
    expect(disabled.json).toMatchObject({ status: "DISABLED" });
    expect((await call(grantsRoute.GET, { token: bot.key })).status).toBe(401);
    expect(await prisma.accessRequest.findUnique({ where: { id: pending.json.id } })).toMatchObject({ status: "CANCELLED", outcomeReason: "compromised" });
    expect(await prisma.grant.findUnique({ where: { id: granted.json.grant.id } })).toMatchObject({ status: "REVOKED", revokeReason: "compromised" });
    const actions = (await prisma.auditEvent.findMany({ where: { agentId: bot.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions.slice(-4)).toEqual(["agent.disabled", "agent.key_revoked", "request.cancelled", "grant.revoked"]);
    expect((await call(keysRoute.POST, { token: admin, params: { id: bot.id } })).status).toBe(409);
    // Disabling again changes nothing.
    const before = await prisma.auditEvent.count();
    expect((await call(disableRoute.POST, { token: admin, params: { id: bot.id } })).status).toBe(200);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});

describe("approver groups", () => {
  it("lists groups, and replaces the members set in Baton while keeping those the identity provider asserted", async () => {
    const created = await call(groupsRoute.POST, { token: admin, body: { name: "oncall", memberEmails: ["admin@example.com"] } });
    const sso = await call(usersRoute.POST, {
      token: admin,
      body: { email: "sso@example.com", name: "Sso", role: "APPROVER", password: "a long password 123" },
    });
    await prisma.groupMembership.create({ data: { groupId: created.json.id, userId: sso.json.id, source: "oidc" } });
    const emptied = await call(groupRoute.PATCH, { token: admin, params: { id: created.json.id }, body: { memberEmails: [] }, method: "PATCH" });
    expect(emptied.json.members.map((member: { email: string; source: string }) => [member.email, member.source])).toEqual([["sso@example.com", "oidc"]]);
    const listed = await call(groupsRoute.GET, { token: admin });
    expect(listed.json.items.map((group: { name: string }) => group.name)).toEqual(["finance", "oncall"]);
    const event = await prisma.auditEvent.findFirst({ where: { action: "group.updated", subjectId: created.json.id } });
    expect(event?.data).toMatchObject({ members: { added: [], removed: ["admin@example.com"] } });
  });
});

describe("people", () => {
  it("invites a person who sets a password once through the link", async () => {
    const created = await call(usersRoute.POST, { token: admin, body: { email: "Bob@Example.com", name: "Bob", role: "APPROVER" } });
    expect(created.json).toMatchObject({ email: "bob@example.com", role: "APPROVER", invitationUrl: expect.stringContaining("/invite/") });
    const token = created.json.invitationUrl.split("/").pop();
    expect(await verifyCredentials({ email: "bob@example.com", password: "bob's new password" })).toBeNull();
    await acceptInvitation({ token, password: "bob's new password" });
    expect(await verifyCredentials({ email: "bob@example.com", password: "bob's new password" })).not.toBeNull();
    await expect(acceptInvitation({ token, password: "another password!" })).rejects.toMatchObject({ status: 404 });
    expect((await call(usersRoute.POST, { token: admin, body: { email: "bob@example.com", name: "Bob 2", role: "VIEWER" } })).status).toBe(409);
  });
});

describe("the agent's event stream", () => {
  async function readEvents(response: Response, count: number) {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const events: { id: string; event: string }[] = [];
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
      const blocks = text.split("\n\n");
      text = blocks.pop()!;
      for (const block of blocks) {
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const event = /^event: (.+)$/m.exec(block)?.[1];
        if (id && event) events.push({ id, event });
      }
    }
    await reader.cancel();
    return events;
  }

  it("streams the agent's own changes live and resumes from Last-Event-ID", async () => {
    const bot = await newAgent("streaming-bot");
    const other = await newAgent("quiet-bot");
    const controller = new AbortController();
    const response = await eventsRoute.GET(
      new Request("http://localhost/api/v1/events", { headers: { authorization: `Bearer ${bot.key}` }, signal: controller.signal }),
      { params: Promise.resolve({}) },
    );
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    await call(requestsRoute.POST, { token: other.key, body });
    await call(requestsRoute.POST, { token: bot.key, body });
    const live = await readEvents(response, 3);
    controller.abort();
    expect(live.map((e) => e.event)).toEqual(["request.filed", "request.approved", "grant.issued"]);

    const resumed = await eventsRoute.GET(
      new Request("http://localhost/api/v1/events", { headers: { authorization: `Bearer ${bot.key}`, "last-event-id": live[0]!.id } }),
      { params: Promise.resolve({}) },
    );
    expect((await readEvents(resumed, 2)).map((e) => e.id)).toEqual([live[1]!.id, live[2]!.id]);
  });
});

describe("failed authentication", () => {
  it("answers 429 with Retry-After after repeated failures from one address, without locking out others", async () => {
    const attacker = { "x-baton-client-address": "203.0.113.9", "x-forwarded-for": "10.9.9.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await call(grantsRoute.GET, { token: `baton_aaaaaaaaaaa${i % 10}_${"A".repeat(43)}`, headers: attacker })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await call(grantsRoute.GET, { token: "whatever", headers: attacker });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const bot = await newAgent("innocent-bot");
    expect((await call(grantsRoute.GET, { token: bot.key, headers: { "x-baton-client-address": "198.51.100.7" } })).status).toBe(200);
  });

  it("keeps the audit chain intact", async () => {
    expect((await verifyChain()).ok).toBe(true);
  });
});
