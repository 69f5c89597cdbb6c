import { fixedPolicyIndex } from "@/lib/policy/create-policy-index";
import { generateKeyPairSync } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it, vi } from "vitest";
import { manualClock } from "@/lib/kernel/clock";
import { createGrantIndex } from "@/lib/decisions/create-grant-index";
import { createVerifiedTokenCache } from "@/lib/decisions/create-verified-token-cache";
import { decideAccess } from "@/lib/decisions/decide-access";
import type { AgentGrants, ChangeSource, DecisionSource } from "@/lib/decisions/decision-source";
import type { Change } from "@/lib/events/change";

const CRM = "https://crm.example.test";
const ISSUER = "https://baton.example.test";
const clock = manualClock("2026-11-24T12:00:00.000Z");
const grant = (id: string, minutes = 10) => ({
  id,
  scopes: ["crm.customers:read"],
  startsAt: clock.now(),
  expiresAt: new Date(clock.now().getTime() + minutes * 60_000),
  constraints: null,
});

/** A database stand-in whose rows the test edits, counting every read. */
function fakeSource(initial: Record<string, AgentGrants>) {
  const rows = new Map(Object.entries(initial));
  const reads = { all: 0, agent: 0, audiences: 0 };
  let failing = false;
  const check = () => {
    if (failing) throw new Error("database unreachable");
  };
  const source: DecisionSource = {
    loadAll: async () => (check(), reads.all++, { agents: [...rows.values()], scopeAudiences: new Map([["crm.customers:read", CRM]]) }),
    loadAgent: async (agentId) => (check(), reads.agent++, rows.get(agentId) ?? null),
    loadScopeAudiences: async () => (check(), reads.audiences++, new Map([["crm.customers:read", CRM]])),
  };
  return { source, rows, reads, fail: (value: boolean) => void (failing = value) };
}

/** A change feed the test drives: it announces changes, drops and comes back. */
function fakeFeed() {
  let handlers: Parameters<ChangeSource["subscribe"]>[0] | undefined;
  let connected = true;
  const changes: ChangeSource = {
    subscribe: async (given) => ((handlers = given), () => (handlers = undefined)),
    isConnected: () => connected,
  };
  return {
    changes,
    announce: (change: Partial<Change>) =>
      handlers?.onChange({ seq: "1", action: "grant.revoked", subjectKind: "grant", subjectId: "grt_x", agentId: null, ...change }),
    disconnect: () => ((connected = false), handlers?.onDisconnected()),
    reconnect: () => ((connected = true), handlers?.onResync()),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function started(initial: Record<string, AgentGrants>) {
  const db = fakeSource(initial);
  const feed = fakeFeed();
  const index = createGrantIndex({ source: db.source, changes: feed.changes, clock });
  await index.start();
  return { db, feed, index };
}

describe("the grant index", () => {
  it("answers from memory once loaded, without reading the source", async () => {
    const { db, index } = await started({ agt_a: { agentId: "agt_a", active: true, grants: [grant("grt_1")] } });
    expect(index.isCurrent()).toBe(true);
    const view = await index.read("agt_a");
    expect(view).toMatchObject({ from: "index", agent: { grants: [{ id: "grt_1" }] } });
    expect(view.scopeAudiences.get("crm.customers:read")).toBe(CRM);
    expect((await index.read("agt_unknown")).agent).toBeNull();
    expect(db.reads).toEqual({ all: 1, agent: 0, audiences: 0 });
  });

  it("reads an agent from the source the moment a change about it is announced, until it has re-read it", async () => {
    const { db, feed, index } = await started({ agt_a: { agentId: "agt_a", active: true, grants: [grant("grt_1")] } });
    db.rows.set("agt_a", { agentId: "agt_a", active: true, grants: [] });
    feed.announce({ action: "grant.revoked", agentId: "agt_a" });
    // No await between the announcement and the question: the stale entry is never used.
    expect((await index.read("agt_a")).from).toBe("source");
    await settle();
    expect(await index.read("agt_a")).toEqual({ agent: null, scopeAudiences: expect.any(Map), from: "index" });
  });

  it("never lets a slow, older re-read overwrite a newer one", async () => {
    const { db, feed, index } = await started({ agt_a: { agentId: "agt_a", active: true, grants: [grant("grt_1")] } });
    let releaseOld: () => void = () => undefined;
    const load = db.source.loadAgent;
    db.source.loadAgent = vi.fn(async (agentId, now) => {
      const before = await load(agentId, now);
      await new Promise<void>((resolve) => (releaseOld = resolve));
      return before;
    });
    feed.announce({ action: "grant.issued", agentId: "agt_a" });
    db.source.loadAgent = load;
    db.rows.set("agt_a", { agentId: "agt_a", active: false, grants: [grant("grt_1")] });
    feed.announce({ action: "agent.disabled", subjectKind: "agent", agentId: "agt_a" });
    await settle();
    releaseOld();
    await settle();
    expect(await index.read("agt_a")).toMatchObject({ from: "index", agent: { active: false } });
  });

  it("ignores changes that alter nothing a decision reads", async () => {
    const { db, feed, index } = await started({});
    feed.announce({ action: "grant.token_issued", agentId: "agt_a" });
    feed.announce({ action: "agent.key_created", agentId: "agt_a" });
    expect((await index.read("agt_a")).from).toBe("index");
    expect(db.reads.agent).toBe(0);
  });

  it("re-reads scope audiences when the catalog changes", async () => {
    const { db, feed, index } = await started({});
    feed.announce({ action: "scope.updated", subjectKind: "scope", agentId: null });
    expect((await index.read("agt_a")).from).toBe("source");
    await settle();
    expect((await index.read("agt_a")).from).toBe("index");
    expect(db.reads.audiences).toBe(2);
  });

  it("falls back to the source while the feed is disconnected, and reloads everything when it comes back", async () => {
    const { db, feed, index } = await started({ agt_a: { agentId: "agt_a", active: true, grants: [grant("grt_1")] } });
    feed.disconnect();
    expect(index.isCurrent()).toBe(false);
    db.rows.delete("agt_a");
    expect(await index.read("agt_a")).toMatchObject({ from: "source", agent: null });
    feed.reconnect();
    await settle();
    expect(index.isCurrent()).toBe(true);
    expect(db.reads.all).toBe(2);
    expect(await index.read("agt_a")).toMatchObject({ from: "index", agent: null });
  });

  it("reads the source until its first load has finished", async () => {
    const db = fakeSource({});
    const feed = fakeFeed();
    const index = createGrantIndex({ source: db.source, changes: feed.changes, clock });
    expect((await index.read("agt_a")).from).toBe("source");
    const starting = index.start();
    expect(index.isCurrent()).toBe(false);
    await starting;
    expect(index.isCurrent()).toBe(true);
    index.stop();
    expect(index.isCurrent()).toBe(false);
  });

  it("retries a failed first load, answering from the source meanwhile", async () => {
    vi.useFakeTimers();
    try {
      const db = fakeSource({});
      db.fail(true);
      const errors: unknown[] = [];
      const index = createGrantIndex({ source: db.source, changes: fakeFeed().changes, clock, onError: (error) => errors.push(error) });
      await index.start();
      expect(index.isCurrent()).toBe(false);
      expect(errors).toHaveLength(1);
      db.fail(false);
      await vi.advanceTimersByTimeAsync(1000);
      expect(index.isCurrent()).toBe(true);
      index.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("decideAccess", () => {
  // Ids and claims in the shapes Baton issues: anything else is refused before the grant is consulted.
  const AGENT = "agt_01jd3z8k6q4d2w5h7x9c0v1b2n";
  const GRANT = "grt_01jd3z8k6q4d2w5h7x9c0v1g01";
  const NEW_GRANT = "grt_01jd3z8k6q4d2w5h7x9c0v1g02";
  const KID = "k".repeat(43);
  const keys = generateKeyPairSync("ed25519");
  const sign = (grantId: string, expSeconds: number) =>
    new SignJWT({ scope: "crm.customers:read", grant_id: grantId, client_id: AGENT })
      .setProtectedHeader({ alg: "EdDSA", typ: "at+jwt", kid: KID })
      .setIssuer(ISSUER)
      .setSubject(AGENT)
      .setAudience(CRM)
      .setJti(crypto.randomUUID())
      .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
      .setExpirationTime(expSeconds)
      .sign(keys.privateKey);

  async function context(initial: Record<string, AgentGrants>) {
    const { db, feed, index } = await started(initial);
    const findKey = vi.fn(async (kid: string) => (kid === KID ? keys.publicKey : null));
    return {
      db,
      feed,
      findKey,
      base: { index, tokenCache: createVerifiedTokenCache(), findKey, clock, policies: fixedPolicyIndex(), audience: CRM, issuer: ISSUER },
    };
  }

  it("verifies a token once, then consults the grant on every call", async () => {
    clock.set("2026-11-24T12:00:00.000Z");
    const { feed, findKey, base, db } = await context({ [AGENT]: { agentId: AGENT, active: true, grants: [grant(GRANT)] } });
    const token = await sign(GRANT, clock.now().getTime() / 1000 + 300);
    expect(await decideAccess({ ...base, question: { token, scope: "crm.customers:read" } })).toMatchObject({ allow: true, grantId: GRANT });
    expect(await decideAccess({ ...base, question: { token } })).toMatchObject({ allow: true });
    expect(findKey).toHaveBeenCalledTimes(1);
    db.rows.set(AGENT, { agentId: AGENT, active: true, grants: [] });
    feed.announce({ action: "grant.revoked", agentId: AGENT });
    expect(await decideAccess({ ...base, question: { token } })).toEqual({ allow: false, reason: "grant_inactive" });
    expect(findKey).toHaveBeenCalledTimes(1);
  });

  it("denies a cached token from the moment it expires", async () => {
    clock.set("2026-11-24T12:00:00.000Z");
    const { base } = await context({ [AGENT]: { agentId: AGENT, active: true, grants: [grant(GRANT)] } });
    const exp = clock.now().getTime() / 1000 + 60;
    const token = await sign(GRANT, exp);
    clock.set(exp * 1000 - 1);
    expect((await decideAccess({ ...base, question: { token } })).allow).toBe(true);
    clock.set(exp * 1000);
    expect(await decideAccess({ ...base, question: { token } })).toEqual({ allow: false, reason: "token_invalid" });
  });

  it("asks the source about a token whose grant the index has not heard of yet", async () => {
    clock.set("2026-11-24T12:00:00.000Z");
    const { base, db } = await context({});
    db.rows.set(AGENT, { agentId: AGENT, active: true, grants: [grant(NEW_GRANT)] });
    const token = await sign(NEW_GRANT, clock.now().getTime() / 1000 + 300);
    expect(await decideAccess({ ...base, question: { token } })).toMatchObject({ allow: true, grantId: NEW_GRANT });
  });

  it("is fail-closed: a source that cannot be read denies with reason unavailable", async () => {
    clock.set("2026-11-24T12:00:00.000Z");
    const { base, db, feed } = await context({ [AGENT]: { agentId: AGENT, active: true, grants: [grant(GRANT)] } });
    const errors: unknown[] = [];
    feed.disconnect();
    db.fail(true);
    expect(
      await decideAccess({
        ...base,
        onError: (error) => errors.push(error),
        question: { agentId: "agt_01jd3z8k6q4d2w5h7x9c0v1b2n", scope: "crm.customers:read" },
      }),
    ).toEqual({ allow: false, reason: "unavailable" });
    expect(errors).toHaveLength(1);
  });
});
