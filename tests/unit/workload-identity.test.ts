import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { allowsPrivateNetworks } from "@/lib/webhooks/outbound-address";
import { globMatches, identityMatches } from "@/lib/workload-identity/match-claims";
import { addFederatedIdentityForm } from "@/lib/workload-identity/form-schemas";

describe("claim patterns", () => {
  it("match exactly, or with * as any run of characters, and nothing else is special", () => {
    expect(globMatches("acme/deploy", "acme/deploy")).toBe(true);
    expect(globMatches("acme/deploy", "acme/deploy2")).toBe(false);
    expect(globMatches("refs/heads/*", "refs/heads/main")).toBe(true);
    expect(globMatches("refs/heads/*", "refs/tags/v1")).toBe(false);
    expect(globMatches("spiffe://example.org/ns/*/sa/runner", "spiffe://example.org/ns/prod/sa/runner")).toBe(true);
    expect(globMatches("a.c", "abc")).toBe(false);
    expect(globMatches("(x)+", "(x)+")).toBe(true);
    expect(globMatches("*", "")).toBe(true);
  });

  it("need the subject and every claim, as text; objects never match", () => {
    const identity = { subject: "repo:acme/*", claims: { repository: "acme/deploy", run_attempt: "1" } };
    expect(identityMatches(identity, { sub: "repo:acme/deploy:ref:x", repository: "acme/deploy", run_attempt: 1 })).toBe(true);
    expect(identityMatches(identity, { sub: "repo:evil/deploy", repository: "acme/deploy", run_attempt: 1 })).toBe(false);
    expect(identityMatches(identity, { sub: "repo:acme/deploy", repository: ["acme/deploy"], run_attempt: 1 })).toBe(false);
    expect(identityMatches(identity, { sub: "repo:acme/deploy", repository: "acme/deploy" })).toBe(false);
    expect(identityMatches({ subject: null, claims: { toString: "x" } }, { sub: "s" })).toBe(false);
  });
});

describe("the bind-identity form", () => {
  const agentId = "agt_01jd3aaaaaaaaaaaaaaaaaaaaa";
  const issuerId = "wli_01jd3aaaaaaaaaaaaaaaaaaaaa";

  it("reads claims as name=value lines", () => {
    const parsed = addFederatedIdentityForm.parse({ agentId, issuerId, subject: " ", claims: "repository=acme/deploy\nref: refs/heads/*\n" });
    expect(parsed).toEqual({ agentId, issuerId, claims: { repository: "acme/deploy", ref: "refs/heads/*" } });
  });

  it("refuses an identity that names neither a subject nor a claim, on the subject field", () => {
    const result = addFederatedIdentityForm.safeParse({ agentId, issuerId, subject: "", claims: "" });
    expect(result.error?.issues[0]?.path).toEqual(["subject"]);
  });
});

describe("the outbound private-network rule", () => {
  it("is BATON_ALLOW_PRIVATE_NETWORKS, with the old webhook variable as an alias when it is unset", () => {
    expect(allowsPrivateNetworks(parseEnv({}))).toBe(false);
    expect(allowsPrivateNetworks(parseEnv({ BATON_ALLOW_PRIVATE_NETWORKS: "on" }))).toBe(true);
    expect(allowsPrivateNetworks(parseEnv({ BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "on" }))).toBe(true);
    expect(allowsPrivateNetworks(parseEnv({ BATON_ALLOW_PRIVATE_NETWORKS: "off", BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "on" }))).toBe(false);
  });

  it("reads BATON_AGENT_KEY_MAX_LIFETIME as a duration", () => {
    expect(parseEnv({ BATON_AGENT_KEY_MAX_LIFETIME: "90d" }).BATON_AGENT_KEY_MAX_LIFETIME).toBe(90 * 86400);
    expect(parseEnv({}).BATON_AGENT_KEY_MAX_LIFETIME).toBeUndefined();
    expect(() => parseEnv({ BATON_AGENT_KEY_MAX_LIFETIME: "forever" })).toThrow(/BATON_AGENT_KEY_MAX_LIFETIME/);
  });
});
