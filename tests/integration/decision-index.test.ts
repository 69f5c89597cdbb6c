import { fixedPolicyIndex } from "@/lib/policy/create-policy-index";
import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { manualClock } from "@/lib/kernel/clock";
import { createGrantIndex } from "@/lib/decisions/create-grant-index";
import { createVerifiedTokenCache } from "@/lib/decisions/create-verified-token-cache";
import { databaseChangeSource } from "@/lib/decisions/database-change-source";
import { databaseDecisionSource } from "@/lib/decisions/database-decision-source";
import { decideAccess } from "@/lib/decisions/decide-access";
import type { ChangeSource } from "@/lib/decisions/decision-source";
import { feedIsConnected } from "@/lib/events/change-feed";
import { issueGrantToken } from "@/lib/grant-tokens/issue-grant-token";
import { revokeGrant } from "@/lib/grants/revoke-grant";
import { findVerificationKey } from "@/lib/signing-keys/find-verification-key";
import type { AgentPrincipal } from "@/lib/kernel/principal";
import { ensureAdmin } from "./api-helpers";
import { CRM, grantFor, setUpWorld, type World } from "./resource-server-fixtures";

const ISSUER = "http://baton.test";
/** The agent releasing its own grant; revoking reads only its id. */
const asAgent = (agentId: string): AgentPrincipal => ({
  kind: "agent",
  agentId,
  agentName: "ops",
  ownerId: "",
  credential: "agent-key",
  keyId: "",
  keyPrefix: "",
});
let world: World;

beforeAll(async () => {
  world = await setUpWorld(await ensureAdmin());
});

/** A decision context over the real database and change feed, on the given clock. */
async function databaseContext(options: { clock: ReturnType<typeof manualClock>; changes?: ChangeSource }) {
  const index = createGrantIndex({ source: databaseDecisionSource, changes: options.changes ?? databaseChangeSource, clock: options.clock });
  await index.start();
  const context = {
    index,
    tokenCache: createVerifiedTokenCache(),
    findKey: findVerificationKey,
    clock: options.clock,
    policies: fixedPolicyIndex(),
    audience: CRM,
    issuer: ISSUER,
  };
  return { index, decide: (question: Parameters<typeof decideAccess>[0]["question"]) => decideAccess({ ...context, question }) };
}

/** The real feed, except that the test can make it report a lost connection and lose the changes meanwhile. */
function interruptibleFeed() {
  let down = false;
  let handlers: Parameters<ChangeSource["subscribe"]>[0] | undefined;
  const changes: ChangeSource = {
    subscribe: (given) => {
      handlers = given;
      return databaseChangeSource.subscribe({ ...given, onChange: (change) => !down && given.onChange(change) });
    },
    isConnected: () => !down && databaseChangeSource.isConnected(),
  };
  return {
    changes,
    drop: () => ((down = true), handlers?.onDisconnected()),
    restore: () => ((down = false), handlers?.onResync()),
  };
}

async function until(condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("D1: decisions at the expiry boundary, against the database", () => {
  it("allows at exp − 1 ms and denies at exp and exp + 1 ms, from the index and from the database alike", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"], { durationSeconds: 120 });
    const exp = Date.parse(grant.expiresAt);
    const clock = manualClock(Date.parse(grant.startsAt));
    const token = (await issueGrantToken({ principal: asAgent(world.ops.id), grantId: grant.id, audience: CRM, issuer: ISSUER, clock })).access_token;
    const { index, decide } = await databaseContext({ clock });
    expect(index.isCurrent()).toBe(true);
    const byScope = { agentId: world.ops.id, scope: "crm.customers:read" };

    // The token's exp is in whole seconds and never after the grant's: its own boundary comes first.
    const tokenExp = decodeJwt(token).exp! * 1000;
    clock.set(tokenExp - 1);
    expect(await decide({ token })).toMatchObject({ allow: true, grantId: grant.id });
    clock.set(tokenExp);
    expect(await decide({ token })).toMatchObject({ allow: false, reason: "token_invalid" });

    clock.set(exp - 1);
    expect(await decide(byScope)).toMatchObject({ allow: true, grantId: grant.id });
    expect((await index.read(world.ops.id, { fresh: true })).agent?.grants.map((g) => g.id)).toContain(grant.id);
    for (const at of [exp, exp + 1]) {
      clock.set(at);
      // The index still holds the grant (nothing has marked it expired): the time is compared at the decision.
      expect(await decide(byScope)).toEqual({ allow: false, reason: "grant_expired" });
      expect((await index.read(world.ops.id, { fresh: true })).agent?.grants.map((g) => g.id) ?? []).not.toContain(grant.id);
    }
    index.stop();
  });
});

describe("revocation reaches the index", () => {
  it("denies a decision asked right after revoke returns, while the index is current", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"]);
    const clock = manualClock(Date.now());
    const { index, decide } = await databaseContext({ clock });
    const question = { agentId: world.ops.id, scope: "crm.customers:read" };
    const others = (await prisma.grant.findMany({ where: { agentId: world.ops.id, status: "ACTIVE", id: { not: grant.id } } })).map((g) => g.id);
    for (const id of others) await revokeGrant({ principal: asAgent(world.ops.id), grantId: id });
    expect(await decide(question)).toMatchObject({ allow: true, grantId: grant.id });

    await revokeGrant({ principal: asAgent(world.ops.id), grantId: grant.id });
    expect(index.isCurrent()).toBe(true);
    expect(await decide(question)).toEqual({ allow: false, reason: "no_grant" });
    index.stop();
  });

  it("D8: denies a disabled agent's grants at once", async () => {
    const { disableAgent } = await import("@/lib/agents/disable-agent");
    await grantFor(world.other.key, ["crm.customers:read"]);
    const clock = manualClock(Date.now());
    const { index, decide } = await databaseContext({ clock });
    const question = { agentId: world.other.id, scope: "crm.customers:read" };
    expect((await decide(question)).allow).toBe(true);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    await disableAgent({ principal: { kind: "person" as const, userId: admin.id, role: "ADMIN" }, agentId: world.other.id });
    expect((await decide(question)).allow).toBe(false);
    index.stop();
  });
});

describe("fail-closed when the change feed is lost", () => {
  it("answers from the database while disconnected, never from what it held, and is current again after the resync", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"]);
    const clock = manualClock(Date.now());
    const feed = interruptibleFeed();
    const { index, decide } = await databaseContext({ clock, changes: feed.changes });
    const question = { agentId: world.ops.id, scope: "crm.customers:read" };
    expect(await decide(question)).toMatchObject({ allow: true, grantId: grant.id });

    feed.drop();
    expect(index.isCurrent()).toBe(false);
    // The index never hears of this revocation; its memory still holds the grant.
    await revokeGrant({ principal: asAgent(world.ops.id), grantId: grant.id });
    expect((await index.read(world.ops.id)).from).toBe("source");
    expect(await decide(question)).toEqual({ allow: false, reason: "no_grant" });

    feed.restore();
    await until(() => index.isCurrent());
    expect((await index.read(world.ops.id)).from).toBe("index");
    expect(await decide(question)).toEqual({ allow: false, reason: "no_grant" });
    index.stop();
  });

  it.runIf(process.env.DATABASE_URL)("notices a real lost LISTEN connection on PostgreSQL, and recovers", async () => {
    const clock = manualClock(Date.now());
    const { index } = await databaseContext({ clock });
    expect(index.isCurrent()).toBe(true);
    const listeners = await prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`;
    expect(listeners.length).toBeGreaterThan(0);
    for (const { pid } of listeners) await prisma.$queryRaw`SELECT pg_terminate_backend(${pid}::int)::text`;
    await until(() => !feedIsConnected());
    expect(index.isCurrent()).toBe(false);
    await until(() => index.isCurrent());
    expect(feedIsConnected()).toBe(true);
    index.stop();
  });
});
