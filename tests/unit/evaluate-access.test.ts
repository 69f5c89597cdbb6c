import { describe, expect, it } from "vitest";
import { manualClock } from "@/lib/kernel/clock";
import type { AgentGrants } from "@/lib/decisions/decision-source";
import { evaluateAccess } from "@/lib/decisions/evaluate-access";

const CRM = "https://crm.example.test";
const startsAt = new Date("2026-11-24T12:00:00.000Z");
const expiresAt = new Date("2026-11-24T12:10:00.000Z");
const exp = expiresAt.getTime();
const scopeAudiences = new Map([
  ["crm.customers:read", CRM],
  ["crm.customers:write", CRM],
  ["billing.invoices:read", "https://billing.example.test"],
  ["logs.read", null],
]);
const agent: AgentGrants = {
  agentId: "agt_a",
  active: true,
  grants: [{ id: "grt_1", scopes: ["crm.customers:read", "logs.read"], startsAt, expiresAt, constraints: null }],
};
const clock = manualClock(startsAt);

const ask = (options: Partial<Parameters<typeof evaluateAccess>[0]> = {}) =>
  evaluateAccess({ agent, scope: "crm.customers:read", callerAudience: CRM, scopeAudiences, now: clock.now(), ...options });

describe("evaluateAccess", () => {
  it("D1: allows at exp − 1 ms, denies at exp and at exp + 1 ms, with no job having run", () => {
    clock.set(exp - 1);
    expect(ask()).toEqual({ allow: true, reason: "granted", grantId: "grt_1", expiresAt: expiresAt.toISOString() });
    clock.set(exp);
    expect(ask()).toEqual({ allow: false, reason: "grant_expired" });
    clock.set(exp + 1);
    expect(ask()).toEqual({ allow: false, reason: "grant_expired" });
  });

  it("denies before the grant starts and allows from its first millisecond", () => {
    clock.set(startsAt.getTime() - 1);
    expect(ask()).toEqual({ allow: false, reason: "grant_not_started" });
    clock.set(startsAt);
    expect(ask().allow).toBe(true);
  });

  it("denies a scope no grant covers, one this resource server does not enforce, and an unknown one", () => {
    clock.set(startsAt.getTime() + 1000);
    expect(ask({ scope: "crm.customers:write" })).toEqual({ allow: false, reason: "no_grant" });
    expect(ask({ scope: "logs.read" })).toEqual({ allow: false, reason: "scope_not_served" });
    expect(ask({ scope: "billing.invoices:read" })).toEqual({ allow: false, reason: "scope_not_served" });
    expect(ask({ scope: "no.such:scope" })).toEqual({ allow: false, reason: "scope_not_served" });
  });

  it("denies an agent with no grants and a disabled agent", () => {
    expect(ask({ agent: null })).toEqual({ allow: false, reason: "no_grant" });
    expect(ask({ agent: { ...agent, active: false } })).toEqual({ allow: false, reason: "agent_disabled" });
  });

  it("answers with the grant that lasts longest when several cover the scope", () => {
    const later = { id: "grt_2", scopes: ["crm.customers:read"], startsAt, expiresAt: new Date(exp + 60_000), constraints: null };
    clock.set(startsAt.getTime() + 1000);
    expect(ask({ agent: { ...agent, grants: [...agent.grants, later] } })).toMatchObject({ allow: true, grantId: "grt_2" });
    clock.set(exp);
    expect(ask({ agent: { ...agent, grants: [...agent.grants, later] } })).toMatchObject({ allow: true, grantId: "grt_2" });
  });

  describe("with a token", () => {
    const token = { grantId: "grt_1", scopes: ["crm.customers:read"], expiresAt: new Date(startsAt.getTime() + 300_000) };

    it("allows the token's scope until the token expires, and says so", () => {
      clock.set(token.expiresAt.getTime() - 1);
      expect(ask({ token })).toEqual({ allow: true, reason: "granted", grantId: "grt_1", expiresAt: token.expiresAt.toISOString() });
      expect(ask({ token, scope: undefined })).toMatchObject({ allow: true });
      clock.set(token.expiresAt);
      expect(ask({ token })).toEqual({ allow: false, reason: "token_expired" });
    });

    it("denies a scope outside the token even if the grant holds it", () => {
      clock.set(startsAt.getTime() + 1000);
      expect(ask({ token, scope: "logs.read" })).toEqual({ allow: false, reason: "scope_not_in_token" });
    });

    it("denies when the token's grant is no longer among the agent's live grants", () => {
      clock.set(startsAt.getTime() + 1000);
      expect(ask({ token: { ...token, grantId: "grt_revoked" } })).toEqual({ allow: false, reason: "grant_inactive" });
      expect(ask({ token, agent: null })).toEqual({ allow: false, reason: "grant_inactive" });
    });

    it("denies a token none of whose scopes this resource server enforces", () => {
      clock.set(startsAt.getTime() + 1000);
      expect(ask({ token, scope: undefined, callerAudience: "https://billing.example.test" })).toEqual({ allow: false, reason: "scope_not_served" });
    });
  });

  describe("with constraints", () => {
    const constrained: AgentGrants = {
      ...agent,
      grants: [{ ...agent.grants[0]!, constraints: [{ type: "baton_constraint", locations: ["tenant:acme"], actions: ["read"] }] }],
    };
    const acme = { type: "tenant", id: "acme" };
    const token = { grantId: "grt_1", scopes: ["crm.customers:read"], expiresAt: new Date(startsAt.getTime() + 300_000) };

    it("allows a call its constraints cover and denies others as outside_constraints, by agent or by token", () => {
      clock.set(startsAt.getTime() + 1000);
      expect(ask({ agent: constrained, call: { resource: acme } })).toMatchObject({ allow: true, grantId: "grt_1" });
      expect(ask({ agent: constrained, call: { resource: { type: "tenant", id: "globex" } } })).toEqual({ allow: false, reason: "outside_constraints" });
      expect(ask({ agent: constrained, call: {} })).toEqual({ allow: false, reason: "outside_constraints" });
      expect(ask({ agent: constrained, call: { resource: acme, action: "write" } })).toEqual({ allow: false, reason: "outside_constraints" });
      expect(ask({ agent: constrained, token, call: { resource: acme } })).toMatchObject({ allow: true });
      expect(ask({ agent: constrained, token, scope: undefined, call: { resource: acme } })).toMatchObject({ allow: true });
      expect(ask({ agent: constrained, token, scope: undefined, call: {} })).toEqual({ allow: false, reason: "outside_constraints" });
    });

    it("answers with another live grant that covers the call, and ignores constraints without a call (introspection)", () => {
      clock.set(startsAt.getTime() + 1000);
      const open = { id: "grt_2", scopes: ["crm.customers:read"], startsAt, expiresAt, constraints: null };
      expect(ask({ agent: { ...constrained, grants: [...constrained.grants, open] }, call: {} })).toMatchObject({ allow: true, grantId: "grt_2" });
      expect(ask({ agent: constrained })).toMatchObject({ allow: true, grantId: "grt_1" });
      expect(ask({ call: { resource: { type: "tenant", id: "globex" } } })).toMatchObject({ allow: true });
    });
  });
});
