// Short-lived credentials against the real servers on loopback (PostgreSQL, MariaDB, Redis, RabbitMQ):
// the credential works for what was granted and nothing else; asking again (or racing) gives one
// principal; ending the grant cuts the open session and the password stops working; a target that is
// down is retried with the clean-up shown as pending; an unreachable provider at issue is a 503 with
// nothing created; reconciliation removes what a crash left behind. A server that is not running skips
// its block locally (saying so) and fails it under CI=true.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as providersRoute from "@/app/api/v1/admin/credential-providers/route";
import * as providerRoute from "@/app/api/v1/admin/credential-providers/[id]/route";
import * as checkRoute from "@/app/api/v1/admin/credential-providers/[id]/check/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import * as credentialsRoute from "@/app/api/v1/grants/[id]/credentials/route";
import * as revokeRoute from "@/app/api/v1/grants/[id]/revoke/route";
import { cleanUpCredentials } from "@/lib/credentials/clean-up-credentials";
import { markerOf, namePrefixOf, openProviderDriver } from "@/lib/credentials/open-provider-driver";
import { parsePrivileges, PROVIDER_KINDS, type ProviderKind } from "@/lib/credentials/privilege-grammar";
import { reconcileCredentials } from "@/lib/credentials/reconcile-credentials";
import { listGrantCredentials } from "@/lib/credentials/list-grant-credentials";
import { startJobRunner } from "@/lib/jobs/job-runner";
import { getOverview } from "@/lib/overview/get-overview";
import { inProcessAgentBackend } from "@/lib/mcp/in-process-agent-backend";
import * as disableRoute from "@/app/api/v1/admin/agents/[id]/disable/route";
import { asAgent, call, ensureAdmin } from "./api-helpers";
import { serverAvailable, TARGETS, uniqueName, type CredentialTarget, type IssuedCredential } from "./credential-targets";
import { grantFor } from "./resource-server-fixtures";

const BAD_PRIVILEGE: Record<ProviderKind, string> = {
  postgresql: "DROP ON orders",
  mariadb: "SELECT ON orders; DROP TABLE orders",
  redis: "+get\u0020$(rm)",
  rabbitmq: "vhost=/ bogus=1",
};

let admin: string;
beforeAll(async () => {
  admin = await ensureAdmin();
  expect(
    (await call(usersRoute.POST, { token: admin, body: { email: "owner@example.com", name: "Owner", role: "VIEWER", password: "owner password 1" } })).status,
  ).toBe(201);
});

/** A loopback port nothing listens on: the target "down". */
const closedPort = await new Promise<number>((resolve) => {
  const server = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  });
});
const down = (connection: Record<string, unknown>) => ({
  ...connection,
  port: closedPort,
  ...(connection.managementUrl ? { managementUrl: `http://127.0.0.1:${closedPort}` } : {}),
});

const available = Object.fromEntries(await Promise.all(PROVIDER_KINDS.map(async (kind) => [kind, await serverAvailable(kind)] as const))) as Record<
  ProviderKind,
  boolean
>;

describe.each(PROVIDER_KINDS)("%s credentials", (kind) => {
  let target: CredentialTarget;
  let provider: { id: string; name: string; namePrefix: string };
  let agent: { id: string; key: string };
  const scope = `${kind}.orders:read`;
  const issue = (grantId: string, body: Record<string, unknown> = {}) =>
    call(credentialsRoute.POST, { token: agent.key, params: { id: grantId }, body: { provider: provider.name, ...body } });
  const revoke = (grantId: string) => call(revokeRoute.POST, { token: admin, params: { id: grantId }, body: { reason: "test over" } });
  const now = () => new Date();

  beforeAll(async () => {
    if (!available[kind]) return;
    target = await TARGETS[kind]();
    const refused = await call(providersRoute.POST, { token: admin, body: { name: `${kind}-down`, kind, connection: down(target.connection) } });
    expect(refused.status).toBe(422);
    const created = await call(providersRoute.POST, { token: admin, body: { name: `${kind}-orders`, kind, connection: target.connection } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json.connection).not.toHaveProperty("password");
    const row = await prisma.credentialProvider.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(row.connection).not.toHaveProperty("password");
    if (target.connection.password) expect(row.secretSealed).toMatch(/^v1\./);
    provider = created.json;
    const badScope = await call(scopesRoute.POST, {
      token: admin,
      body: {
        key: `${kind}.bad`,
        risk: "LOW",
        maxDurationSeconds: 3600,
        credentials: { provider: provider.name, privileges: ["SELECT ON orders", BAD_PRIVILEGE[kind]].slice(kind === "redis" || kind === "rabbitmq" ? 1 : 0) },
      },
    });
    expect(badScope.status).toBe(400);
    expect(badScope.json.errors[0].field).toMatch(/^credentials\.privileges\.\d$/);
    const made = await call(scopesRoute.POST, {
      token: admin,
      body: { key: scope, risk: "LOW", maxDurationSeconds: 3600, autoApprove: true, credentials: { provider: provider.name, privileges: target.privileges } },
    });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    expect(made.json.credentials).toEqual({ provider: provider.name, privileges: parsePrivileges(kind, target.privileges).canonical });
    const created2 = await call(agentsRoute.POST, { token: admin, body: { name: `${kind}-bot`, ownerEmail: "owner@example.com", eligibleScopes: [scope] } });
    const key = await call(keysRoute.POST, { token: admin, params: { id: created2.json.id } });
    agent = { id: created2.json.id, key: key.json.key };
  });

  afterAll(async () => {
    if (!available[kind] || !target) return;
    await target.tearDown(provider?.namePrefix);
  });

  it.skipIf(!available[kind])("lists the provider without its secret, and checks it", async () => {
    const list = await call(providersRoute.GET, { token: admin });
    const listed = list.json.items.find((p: { name: string }) => p.name === provider.name);
    expect(listed).toMatchObject({ kind, scopes: [scope] });
    expect(listed.connection).not.toHaveProperty("password");
    const checked = await call(checkRoute.POST, { token: admin, params: { id: provider.id } });
    expect(checked.json).toMatchObject({ ok: true, error: null });
    const inUse = await call(providerRoute.DELETE, { token: admin, params: { id: provider.id } });
    expect(inUse.status).toBe(409);
    const broken = await call(providerRoute.PATCH, { token: admin, params: { id: provider.id }, body: { connection: { port: closedPort } } });
    expect(broken.status).toBe(422);
    const unchanged = await call(providerRoute.PATCH, { token: admin, params: { id: provider.id }, body: { connection: { host: "127.0.0.1" } } });
    expect(unchanged.status, JSON.stringify(unchanged.json)).toBe(200);
    expect(unchanged.json.connection).toMatchObject({ host: "127.0.0.1", port: target.connection.port, hasPassword: Boolean(target.connection.password) });
  });

  it.skipIf(!available[kind])("works for what was granted and nothing else; asking again gives the same credential; the audit log has no secret", async () => {
    const grant = await grantFor(agent.key, [scope]);
    const first = await issue(grant.id);
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    const credential = first.json as IssuedCredential & { url: string; expiresAt: string };
    expect(credential.username.startsWith(provider.namePrefix)).toBe(true);
    expect(credential.expiresAt).toBe(grant.expiresAt);
    await target.allowed(credential);
    for (const attempt of await target.forbidden(credential)) await expect(attempt()).rejects.toBeDefined();
    const again = await issue(grant.id);
    expect(again.json).toMatchObject({ username: credential.username, password: credential.password });
    const events = await prisma.auditEvent.findMany({ where: { action: "credential.issued", subjectId: grant.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ username: credential.username, provider: provider.name });
    expect(JSON.stringify((await prisma.auditEvent.findMany({ select: { data: true } })).map((e) => e.data))).not.toContain(credential.password);
    // Another agent's key cannot get it.
    const other = await call(credentialsRoute.POST, { token: admin, params: { id: grant.id }, body: { provider: provider.name } });
    expect(other.status).toBe(403);
    await revoke(grant.id);
    await cleanUpCredentials({ now: now() });
  });

  it.skipIf(!available[kind])("racing issue calls create one principal", async () => {
    const grant = await grantFor(agent.key, [scope]);
    const answers = await Promise.all(Array.from({ length: 5 }, () => issue(grant.id)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.json.username)).size).toBe(1);
    expect(await prisma.issuedCredential.count({ where: { grantId: grant.id } })).toBe(1);
    expect((await target.principals(provider.namePrefix)).filter((name) => name === answers[0]!.json.username)).toHaveLength(1);
    await revoke(grant.id);
    await cleanUpCredentials({ now: now() });
  });

  it.skipIf(!available[kind])("revocation cuts the open session and the password stops logging in", async () => {
    const grant = await grantFor(agent.key, [scope]);
    const credential = (await issue(grant.id)).json as IssuedCredential;
    const session = await target.openSession(credential);
    expect(await session.alive()).toBe(true);
    expect((await revoke(grant.id)).status).toBe(200);
    expect((await listGrantCredentials(grant.id, now()))[0]!.state).toBe("cleanup-pending");
    const started = performance.now();
    const outcome = await cleanUpCredentials({ now: now() });
    expect(outcome.failed).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await session.alive()).toBe(false);
    expect(await target.canLogIn(credential)).toBe(false);
    expect(await target.principals(credential.username)).toEqual([]);
    expect((await listGrantCredentials(grant.id, now()))[0]!.state).toBe("removed");
    const revokedEvent = await prisma.auditEvent.findFirstOrThrow({ where: { action: "credential.revoked", subjectId: grant.id } });
    expect(revokedEvent.data).toMatchObject({ username: credential.username, reason: "grant ended" });
    await session.close();
    // The grant has ended: no new credential.
    expect((await issue(grant.id)).status).toBe(409);
  });

  it.skipIf(!available[kind])("a target down at revocation is retried until the clean-up succeeds, pending meanwhile", async () => {
    const grant = await grantFor(agent.key, [scope]);
    const credential = (await issue(grant.id)).json as IssuedCredential;
    const stored = await prisma.credentialProvider.findUniqueOrThrow({ where: { id: provider.id } });
    const connection = stored.connection as Record<string, unknown>;
    await prisma.credentialProvider.update({ where: { id: provider.id }, data: { connection: down(connection) } });
    try {
      await revoke(grant.id);
      const failed = await cleanUpCredentials({ now: now() });
      expect(failed.failed).toHaveLength(1);
      const [pending] = await listGrantCredentials(grant.id, now());
      expect(pending).toMatchObject({ state: "cleanup-pending", cleanupAttempts: 1 });
      expect(pending!.lastCleanupError).toMatch(/unreachable/);
      const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
      const overview = await getOverview({ principal: { kind: "person", userId: adminUser.id, role: "ADMIN" } });
      expect(overview.credentialCleanupPending).toBeGreaterThanOrEqual(1);
      // Not due again before its backoff.
      expect((await cleanUpCredentials({ now: now() })).failed).toHaveLength(0);
      expect(await target.canLogIn(credential)).toBe(true);
    } finally {
      await prisma.credentialProvider.update({ where: { id: provider.id }, data: { connection: connection as object } });
    }
    const later = new Date(Date.now() + 5_000);
    const outcome = await cleanUpCredentials({ now: later });
    expect(outcome.removed).toHaveLength(1);
    expect(await target.canLogIn(credential)).toBe(false);
    expect((await listGrantCredentials(grant.id, later))[0]!.state).toBe("removed");
  });

  it.skipIf(!available[kind])("an unreachable provider at issue is a 503 with Retry-After and nothing is created", async () => {
    const grant = await grantFor(agent.key, [scope]);
    const before = await target.principals(provider.namePrefix);
    const stored = await prisma.credentialProvider.findUniqueOrThrow({ where: { id: provider.id } });
    const connection = stored.connection as Record<string, unknown>;
    await prisma.credentialProvider.update({ where: { id: provider.id }, data: { connection: down(connection) } });
    try {
      const answer = await issue(grant.id);
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBeTruthy();
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
    } finally {
      await prisma.credentialProvider.update({ where: { id: provider.id }, data: { connection: connection as object } });
    }
    expect(await prisma.issuedCredential.count({ where: { grantId: grant.id } })).toBe(0);
    expect(await target.principals(provider.namePrefix)).toEqual(before);
    await revoke(grant.id);
  });

  it.skipIf(!available[kind])("rotate revokes the old credential and mints a new one", async () => {
    const grant = await grantFor(agent.key, [scope]);
    const old = (await issue(grant.id)).json as IssuedCredential;
    const rotated = await issue(grant.id, { rotate: true });
    expect(rotated.status).toBe(200);
    expect(rotated.json.username).not.toBe(old.username);
    await target.allowed(rotated.json);
    expect(await target.canLogIn(old)).toBe(false);
    await revoke(grant.id);
    await cleanUpCredentials({ now: now() });
    expect(await target.canLogIn(rotated.json)).toBe(false);
  });

  it.skipIf(!available[kind])("reconciliation removes what a crash left: a principal with no row, a row stuck issuing, a clean-up not done", async () => {
    const stored = await prisma.credentialProvider.findUniqueOrThrow({ where: { id: provider.id } });
    const driver = openProviderDriver(stored);
    const privileges = parsePrivileges(kind, target.privileges).parsed;
    const mint = (username: string) =>
      driver.issue({ username, password: "orphan-password-123456", privileges, expiresAt: new Date(Date.now() + 600_000), marker: markerOf(stored) });
    // 1. Baton killed after creating the principal, before recording it (its row stuck "issuing").
    const grant = await grantFor(agent.key, [scope]);
    const stuck = `${namePrefixOf(stored)}stuck${Date.now() % 100000}`;
    await prisma.issuedCredential.create({
      data: {
        id: `crd_${uniqueName("x")
          .replace(/[^a-z0-9]/g, "")
          .slice(0, 26)
          .padEnd(26, "0")}`,
        grantId: grant.id,
        providerId: stored.id,
        activeKey: `${grant.id}:${stored.id}`,
        username: stuck,
        passwordSealed: "x",
        privileges: target.privileges,
        createdAt: new Date(Date.now() - 120_000),
      },
    });
    await mint(stuck);
    // 2. A principal whose row is gone altogether (a lost job, a restored backup).
    const orphan = `${namePrefixOf(stored)}orphan${Date.now() % 100000}`;
    await mint(orphan);
    // 3. Killed mid-clean-up: the grant ended, its principal is still there.
    const ended = await grantFor(agent.key, [scope]);
    const live = (await issue(ended.id)).json as IssuedCredential;
    await revoke(ended.id);
    // Somebody else's principal (no Baton prefix) is never touched.
    const outcome = await reconcileCredentials({ now: now(), providerIds: [stored.id] });
    expect(outcome.unreachable).toEqual([]);
    expect(await target.principals(stuck)).toEqual([]);
    expect(await target.principals(orphan)).toEqual([]);
    expect(await target.canLogIn(live)).toBe(false);
    expect(outcome.orphansRemoved).toBeGreaterThanOrEqual(1);
    expect(outcome.cleanedUp).toBeGreaterThanOrEqual(2);
    // The stuck grant can be issued a fresh credential.
    const fresh = await issue(grant.id);
    expect(fresh.status).toBe(200);
    await target.allowed(fresh.json);
    await revoke(grant.id);
    await cleanUpCredentials({ now: now() });
  });

  it.skipIf(!available[kind] || kind !== "postgresql")(
    "with the job runner: revoking cuts the session within a second, disabling the agent ends its credentials, MCP gives the same credential",
    async () => {
      const runner = await startJobRunner({ reminderLeadSeconds: 0, sweepIntervalSeconds: 60, log: () => undefined });
      try {
        const grant = await grantFor(agent.key, [scope]);
        const credential = (await inProcessAgentBackend({ agent: asAgent(agent.id), issuer: "http://localhost" }).getCredentials(
          grant.id,
          undefined,
          false,
        )) as IssuedCredential;
        expect((await issue(grant.id)).json.username).toBe(credential.username);
        const session = await target.openSession(credential);
        const started = performance.now();
        await revoke(grant.id);
        while ((await session.alive()) && performance.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
        const elapsed = performance.now() - started;
        expect(await session.alive()).toBe(false);
        expect(elapsed).toBeLessThan(1000);
        expect(await target.canLogIn(credential)).toBe(false);
        await session.close();

        const second = await grantFor(agent.key, [scope]);
        const other = (await issue(second.id)).json as IssuedCredential;
        const created = await call(agentsRoute.POST, {
          token: admin,
          body: { name: `${kind}-temp-bot`, ownerEmail: "owner@example.com", eligibleScopes: [scope] },
        });
        const tempKey = (await call(keysRoute.POST, { token: admin, params: { id: created.json.id } })).json.key as string;
        const tempGrant = await grantFor(tempKey, [scope]);
        const temp = (await call(credentialsRoute.POST, { token: tempKey, params: { id: tempGrant.id }, body: {} })).json as IssuedCredential;
        expect((await call(disableRoute.POST, { token: admin, params: { id: created.json.id }, body: { reason: "retired" } })).status).toBe(200);
        const deadline = Date.now() + 5000;
        while ((await target.canLogIn(temp)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(await target.canLogIn(temp)).toBe(false);
        expect(await target.canLogIn(other)).toBe(true);
        await revoke(second.id);
      } finally {
        await runner.stop();
      }
    },
  );
});
