import { decodeJwt, decodeProtectedHeader } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyChain } from "@/lib/audit/verify-chain";
import { revokeGrant } from "@/lib/grants/revoke-grant";
import * as grantsRoute from "@/app/api/v1/grants/route";
import * as tokenRoute from "@/app/api/v1/grants/[id]/token/route";
import * as revokeRoute from "@/app/api/v1/grants/[id]/revoke/route";
import * as introspectRoute from "@/app/api/v1/introspect/route";
import * as decisionsRoute from "@/app/api/v1/decisions/route";
import * as resourceServersRoute from "@/app/api/v1/admin/resource-servers/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as scopeRoute from "@/app/api/v1/admin/scopes/[key]/route";
import * as signingKeysRoute from "@/app/api/v1/admin/signing-keys/route";
import * as rotateRoute from "@/app/api/v1/admin/signing-keys/rotate/route";
import * as disableRoute from "@/app/api/v1/admin/agents/[id]/disable/route";
import * as jwksRoute from "@/app/.well-known/jwks.json/route";
import * as metadataRoute from "@/app/.well-known/oauth-authorization-server/route";
import { call, ensureAdmin } from "./api-helpers";
import { BILLING, CRM, grantFor, setUpWorld, type World } from "./resource-server-fixtures";

let admin: string;
let world: World;

const tokenFor = (agentKey: string, grantId: string, audience: string) =>
  call(tokenRoute.POST, { token: agentKey, params: { id: grantId }, body: { audience } });
const introspect = (secret: string | null, token: string) => call(introspectRoute.POST, { token: secret, body: { token } });
const decide = (secret: string, body: Record<string, unknown>) => call(decisionsRoute.POST, { token: secret, body });

async function getJson(handler: (request: Request) => Promise<Response> | Response, path: string) {
  const response = await handler(new Request(`http://localhost${path}`));
  return { status: response.status, headers: response.headers, json: await response.json() };
}

beforeAll(async () => {
  admin = await ensureAdmin();
  world = await setUpWorld(admin);
});

describe("resource servers", () => {
  it("shows the secret once and stores only its hash", async () => {
    expect(world.crmSecret).toMatch(/^batonrs_[A-Za-z0-9_-]{43}$/);
    const listed = await call(resourceServersRoute.GET, { token: admin });
    expect(listed.json.items.map((server: { audience: string }) => server.audience)).toEqual([BILLING, CRM]);
    expect(listed.json.items.find((server: { name: string }) => server.name === "crm")).toMatchObject({
      scopes: ["crm.customers:read", "crm.customers:write"],
      secretPrefix: world.crmSecret.slice(0, 12),
    });
    expect(JSON.stringify(listed.json)).not.toContain(world.crmSecret);
    expect(JSON.stringify(await prisma.resourceServer.findMany())).not.toContain(world.crmSecret.slice(12));
    expect(await prisma.auditEvent.count({ where: { action: "resource_server.created" } })).toBe(2);
  });

  it("refuses a second server with the same name or audience", async () => {
    expect((await call(resourceServersRoute.POST, { token: admin, body: { name: "crm", audience: "https://other.example.test" } })).status).toBe(409);
    expect((await call(resourceServersRoute.POST, { token: admin, body: { name: "crm-2", audience: CRM } })).status).toBe(409);
    expect((await call(resourceServersRoute.POST, { token: admin, body: { name: "spaces", audience: "has a space" } })).status).toBe(400);
  });

  it("names the enforcing resource server on scopes, and refuses an unknown audience", async () => {
    const scopes = await call(scopesRoute.GET, { token: admin });
    expect(scopes.json.items.find((scope: { key: string }) => scope.key === "logs.read").resourceServer).toBeNull();
    expect(scopes.json.items.find((scope: { key: string }) => scope.key === "crm.customers:read").resourceServer).toBe(CRM);
    const unknown = await call(scopeRoute.PATCH, {
      method: "PATCH",
      token: admin,
      params: { key: "logs.read" },
      body: { resourceServer: "https://nobody.example.test" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].field).toBe("resourceServer");
  });
});

describe("who may call what", () => {
  it("B8: introspection and decisions need a resource-server credential (401 without)", async () => {
    for (const response of [
      await introspect(null, "x"),
      await decide("", { agentId: world.ops.id, scope: "crm.customers:read" }),
      await introspect("batonrs_" + "A".repeat(43), "x"),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("403 for agent keys and admin tokens on resource-server routes, and for resource-server secrets elsewhere", async () => {
    expect((await introspect(world.ops.key, "x")).status).toBe(403);
    expect((await decide(admin, { agentId: world.ops.id, scope: "crm.customers:read" })).status).toBe(403);
    expect((await call(grantsRoute.GET, { token: world.crmSecret })).status).toBe(403);
    expect((await call(resourceServersRoute.GET, { token: world.crmSecret })).status).toBe(403);
    expect((await call(resourceServersRoute.GET, { token: world.ops.key })).status).toBe(403);
    expect((await call(revokeRoute.POST, { token: world.crmSecret, params: { id: "grt_01jd3z8k6q4d2w5h7x9c0v1b2n" } })).status).toBe(403);
  });
});

describe("grant tokens", () => {
  it("signs an RFC 9068 token carrying only the scopes the audience enforces", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read", "billing.invoices:read", "logs.read"], { onBehalfOf: "alice@example.com" });
    const issued = await tokenFor(world.ops.key, grant.id, CRM);
    expect(issued.status).toBe(200);
    expect(issued.json).toMatchObject({ token_type: "Bearer", expires_in: 300, scope: "crm.customers:read" });
    const header = decodeProtectedHeader(issued.json.access_token);
    expect(header).toEqual({ alg: "EdDSA", typ: "at+jwt", kid: expect.any(String) });
    const claims = decodeJwt(issued.json.access_token);
    expect(claims).toMatchObject({
      iss: "http://localhost",
      sub: world.ops.id,
      aud: CRM,
      scope: "crm.customers:read",
      grant_id: grant.id,
      client_id: world.ops.id,
      act: { sub: "alice@example.com" },
    });
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(await prisma.auditEvent.count({ where: { action: "grant.token_issued", subjectId: grant.id, data: { path: ["jti"], equals: claims.jti } } })).toBe(
      1,
    );
  });

  it("creates the signing key and the next key on first use, audited, with the private halves encrypted at rest", async () => {
    const keys = await prisma.signingKey.findMany({ orderBy: { activatedAt: { sort: "asc", nulls: "last" } } });
    expect(keys.map((key) => key.activatedAt === null)).toEqual([false, true]);
    for (const key of keys) {
      expect(key.privateJwkEncrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(key.privateJwkEncrypted).not.toContain('"d"');
      expect(key.publicJwk).toMatchObject({ kty: "OKP", crv: "Ed25519", kid: key.kid, alg: "EdDSA", use: "sig" });
      expect(key.publicJwk).not.toHaveProperty("d");
    }
    expect(await prisma.auditEvent.count({ where: { action: "signing_key.created" } })).toBe(1);
  });

  it("never outlives its grant", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"], { durationSeconds: 90 });
    const issued = await tokenFor(world.ops.key, grant.id, CRM);
    const claims = decodeJwt(issued.json.access_token);
    expect(claims.exp).toBe(Math.floor(Date.parse(grant.expiresAt) / 1000));
    expect(issued.json.expires_in).toBeLessThanOrEqual(90);
  });

  it("refuses another agent's grant (404), an unknown audience or one enforcing none of its scopes (403), and an ended grant (409)", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read", "logs.read"]);
    expect((await tokenFor(world.other.key, grant.id, CRM)).status).toBe(404);
    expect((await tokenFor(world.ops.key, grant.id, "https://nobody.example.test")).status).toBe(403);
    expect((await tokenFor(world.ops.key, grant.id, BILLING)).status).toBe(403);
    const logsOnly = await grantFor(world.ops.key, ["logs.read"]);
    expect((await tokenFor(world.ops.key, logsOnly.id, CRM)).status).toBe(403);
    expect((await call(revokeRoute.POST, { token: world.ops.key, params: { id: grant.id } })).status).toBe(200);
    const ended = await tokenFor(world.ops.key, grant.id, CRM);
    expect(ended.status).toBe(409);
    expect(ended.json.detail).toContain("revoked");
  });

  it("publishes the public keys and the server metadata", async () => {
    const jwks = await getJson(jwksRoute.GET, "/.well-known/jwks.json");
    expect(jwks.headers.get("cache-control")).toBe("public, max-age=300");
    // The signing key and the next one, published ahead of its first token.
    expect(jwks.json.keys).toHaveLength(2);
    for (const key of jwks.json.keys) {
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
      expect(key).not.toHaveProperty("d");
    }
    const metadata = await getJson(metadataRoute.GET, "/.well-known/oauth-authorization-server");
    expect(metadata.json).toMatchObject({
      issuer: "http://localhost",
      jwks_uri: "http://localhost/.well-known/jwks.json",
      introspection_endpoint: "http://localhost/api/v1/introspect",
      access_token_signing_alg_values_supported: ["EdDSA"],
    });
  });
});

describe("introspection", () => {
  it("answers a live token's claims, as JSON or as a form", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"], { onBehalfOf: "alice@example.com" });
    const token = (await tokenFor(world.ops.key, grant.id, CRM)).json.access_token;
    const asJson = await introspect(world.crmSecret, token);
    expect(asJson.status).toBe(200);
    expect(asJson.json).toMatchObject({
      active: true,
      scope: "crm.customers:read",
      sub: world.ops.id,
      aud: CRM,
      grant_id: grant.id,
      client_id: world.ops.id,
      iss: "http://localhost",
      token_type: "Bearer",
      act: { sub: "alice@example.com" },
    });
    const asForm = await call(introspectRoute.POST, {
      token: world.crmSecret,
      rawBody: new URLSearchParams({ token, token_type_hint: "access_token" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(asForm.json).toEqual(asJson.json);
  });

  it("answers exactly {active:false} for another audience's token, garbage, and (B7) a revoked grant", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"]);
    const token = (await tokenFor(world.ops.key, grant.id, CRM)).json.access_token;
    expect((await introspect(world.billingSecret, token)).json).toEqual({ active: false });
    expect((await introspect(world.crmSecret, "not.a.token")).json).toEqual({ active: false });
    expect((await introspect(world.crmSecret, token)).json.active).toBe(true);
    await call(revokeRoute.POST, { token: admin, params: { id: grant.id }, body: { reason: "suspicious activity" } });
    const revoked = await introspect(world.crmSecret, token);
    expect(revoked.status).toBe(200);
    expect(revoked.json).toEqual({ active: false });
  });
});

describe("decisions", () => {
  it("allows by token or by agent and scope, and denies what the token or audience does not cover", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read", "billing.invoices:read"]);
    const token = (await tokenFor(world.ops.key, grant.id, CRM)).json.access_token;
    const allowed = await decide(world.crmSecret, { token, scope: "crm.customers:read" });
    expect(allowed.json).toMatchObject({ allow: true, reason: "granted", grantId: grant.id });
    expect(Date.parse(allowed.json.expiresAt)).toBeLessThanOrEqual(Date.parse(grant.expiresAt));
    expect((await decide(world.crmSecret, { token })).json).toMatchObject({ allow: true, grantId: grant.id });
    expect((await decide(world.crmSecret, { token, scope: "crm.customers:write" })).json).toEqual({ allow: false, reason: "scope_not_in_token" });
    expect(
      (await decide(world.crmSecret, { agentId: world.ops.id, scope: "crm.customers:read", resource: { type: "customer", id: "42" } })).json,
    ).toMatchObject({
      allow: true,
      grantId: grant.id,
    });
    expect((await decide(world.crmSecret, { agentId: world.ops.id, scope: "billing.invoices:read" })).json).toEqual({
      allow: false,
      reason: "scope_not_served",
    });
    expect((await decide(world.crmSecret, { agentId: world.other.id, scope: "crm.customers:read" })).json).toEqual({ allow: false, reason: "no_grant" });
  });

  it("A2: a token presented to another resource server is denied", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read", "billing.invoices:read"]);
    const crmToken = (await tokenFor(world.ops.key, grant.id, CRM)).json.access_token;
    expect((await decide(world.billingSecret, { token: crmToken, scope: "billing.invoices:read" })).json).toEqual({ allow: false, reason: "token_invalid" });
    expect((await decide(world.billingSecret, { token: crmToken })).json).toEqual({ allow: false, reason: "token_invalid" });
  });

  it("refuses a question that is neither shape", async () => {
    const neither = await decide(world.crmSecret, { scope: "crm.customers:read" });
    expect(neither.status).toBe(400);
    expect(neither.json.detail).toContain("send either {token, scope?, resource?, context?} or {agentId, scope, resource?, context?}");
    const both = await decide(world.crmSecret, { agentId: world.ops.id, token: "x" });
    expect(both.status).toBe(400);
    expect(both.json.detail).toContain("unknown field(s): agentId");
  });

  it("B7: a validly signed token whose grant was revoked is denied at once", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"]);
    const token = (await tokenFor(world.ops.key, grant.id, CRM)).json.access_token;
    expect((await decide(world.crmSecret, { token, scope: "crm.customers:read" })).json.allow).toBe(true);
    expect((await call(revokeRoute.POST, { token: world.ops.key, params: { id: grant.id } })).json.status).toBe("REVOKED");
    expect((await decide(world.crmSecret, { token, scope: "crm.customers:read" })).json).toEqual({ allow: false, reason: "grant_inactive" });
    expect((await introspect(world.crmSecret, token)).json).toEqual({ active: false });
  });
});

describe("revocation", () => {
  it("lets an admin revoke any grant and an agent its own; says how a grant ended on a second try", async () => {
    const grant = await grantFor(world.other.key, ["crm.customers:read"]);
    expect((await call(revokeRoute.POST, { token: world.ops.key, params: { id: grant.id } })).status).toBe(404);
    const revoked = await call(revokeRoute.POST, { token: admin, params: { id: grant.id }, body: { reason: "rotation drill" } });
    expect(revoked.json).toMatchObject({ id: grant.id, status: "REVOKED", revokeReason: "rotation drill", secondsRemaining: 0 });
    const event = await prisma.auditEvent.findFirst({ where: { action: "grant.revoked", subjectId: grant.id } });
    expect(event).toMatchObject({ actorKind: "USER", agentId: world.other.id, data: { reason: "rotation drill" } });
    const again = await call(revokeRoute.POST, { token: world.other.key, params: { id: grant.id } });
    expect(again.status).toBe(409);
    expect(again.json.detail).toMatch(/already revoked at \S+ by \S.* \(rotation drill\)/);
    expect(await prisma.auditEvent.count({ where: { action: "grant.revoked", subjectId: grant.id } })).toBe(1);
  });

  it("lets a person revoke as admin, as the agent's owner, or as an approver of one of its scopes — nobody else", async () => {
    const person = async (email: string) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      return { kind: "person" as const, userId: user.id, role: user.role };
    };
    const [owner, alice, bob] = [await person("owner@example.com"), await person("alice@example.com"), await person("bob@example.com")];
    const crmWrite = await grantFor(world.ops.key, ["crm.customers:write"]);
    const logs = await grantFor(world.ops.key, ["logs.read"]);

    // Bob approves nothing and owns nothing: the grant looks missing to him.
    await expect(revokeGrant({ principal: bob, grantId: crmWrite.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Alice is in the group that decides crm.customers:write, not logs.read.
    await expect(revokeGrant({ principal: alice, grantId: logs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await revokeGrant({ principal: alice, grantId: crmWrite.id, reason: "approver pulled it" })).toMatchObject({ status: "REVOKED" });
    expect(await revokeGrant({ principal: owner, grantId: logs.id })).toMatchObject({ status: "REVOKED" });
    const byAdmin = await grantFor(world.ops.key, ["logs.read"]);
    const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    expect(await revokeGrant({ principal: { kind: "person" as const, userId: adminUser.id, role: "ADMIN" }, grantId: byAdmin.id })).toMatchObject({
      status: "REVOKED",
    });
    const revokers = await prisma.grant.findMany({
      where: { id: { in: [crmWrite.id, logs.id, byAdmin.id] } },
      select: { revokedById: true, revokedByKind: true },
    });
    expect(revokers.map((grant) => grant.revokedByKind)).toEqual(["USER", "USER", "USER"]);
  });

  it("refuses to revoke an expired grant, saying so", async () => {
    const grant = await grantFor(world.other.key, ["crm.customers:read"]);
    await prisma.grant.update({ where: { id: grant.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await call(revokeRoute.POST, { token: world.other.key, params: { id: grant.id } });
    expect(response.status).toBe(409);
    expect(response.json.detail).toContain("already expired");
  });
});

describe("D8: disabling an agent", () => {
  it("denies its grants and tokens at once", async () => {
    const { id, key } = world.other;
    const grant = await grantFor(key, ["crm.customers:read"]);
    const token = (await tokenFor(key, grant.id, CRM)).json.access_token;
    expect((await decide(world.crmSecret, { token, scope: "crm.customers:read" })).json.allow).toBe(true);
    expect((await call(disableRoute.POST, { token: admin, params: { id }, body: { reason: "compromised" } })).status).toBe(200);
    expect((await decide(world.crmSecret, { token, scope: "crm.customers:read" })).json.allow).toBe(false);
    expect((await decide(world.crmSecret, { agentId: id, scope: "crm.customers:read" })).json.allow).toBe(false);
    expect((await introspect(world.crmSecret, token)).json).toEqual({ active: false });
  });
});

describe("signing-key rotation", () => {
  it("keeps the retired key published for the overlap, so tokens it signed still verify", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"]);
    const before = (await tokenFor(world.ops.key, grant.id, CRM)).json.access_token;
    // The next key is published ahead of its first token, so verifiers with a cached JWKS already hold it.
    const publishedBefore = (await getJson(jwksRoute.GET, "/.well-known/jwks.json")).json.keys.map((key: { kid: string }) => key.kid);
    const nextKid = publishedBefore.find((kid: string) => kid !== decodeProtectedHeader(before).kid);
    expect(publishedBefore).toHaveLength(2);
    expect((await call(rotateRoute.POST, { token: admin, body: { overlapSeconds: 60 } })).status).toBe(400);
    const rotated = await call(rotateRoute.POST, { token: admin, body: { overlapSeconds: 600 } });
    expect(rotated.status).toBe(201);
    const oldKid = decodeProtectedHeader(before).kid;
    expect(rotated.json.retired).toEqual([expect.objectContaining({ kid: oldKid, state: "retired" })]);
    expect(Date.parse(rotated.json.retired[0].expiresAt) - Date.parse(rotated.json.retired[0].retiredAt)).toBe(600_000);
    expect(rotated.json.active.kid).toBe(nextKid);
    expect(rotated.json.next).toEqual(expect.objectContaining({ state: "next", activatedAt: null }));

    const after = (await tokenFor(world.ops.key, grant.id, CRM)).json.access_token;
    expect(decodeProtectedHeader(after).kid).toBe(rotated.json.active.kid);
    expect((await introspect(world.crmSecret, before)).json.active).toBe(true);
    expect((await introspect(world.crmSecret, after)).json.active).toBe(true);
    const jwks = await getJson(jwksRoute.GET, "/.well-known/jwks.json");
    expect(jwks.json.keys.map((key: { kid: string }) => key.kid).sort()).toEqual([oldKid, rotated.json.active.kid, rotated.json.next.kid].sort());

    const listed = await call(signingKeysRoute.GET, { token: admin });
    expect(listed.json.items.map((key: { state: string }) => key.state)).toEqual(["next", "active", "retired"]);
    expect(JSON.stringify(listed.json)).not.toContain("privateJwk");

    // Once the overlap is over the retired key is gone from the JWKS, and its tokens with it.
    await prisma.signingKey.update({ where: { kid: oldKid }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await getJson(jwksRoute.GET, "/.well-known/jwks.json")).json.keys.map((key: { kid: string }) => key.kid).sort()).toEqual(
      [rotated.json.active.kid, rotated.json.next.kid].sort(),
    );
    expect((await introspect(world.crmSecret, before)).json).toEqual({ active: false });
  });
});

it("keeps the audit chain intact through all of it", async () => {
  expect((await verifyChain()).ok).toBe(true);
});
