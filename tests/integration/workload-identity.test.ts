import { execFile } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { promisify } from "node:util";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { ElicitationCompleteNotificationSchema, ElicitRequestSchema, type ElicitRequest } from "@modelcontextprotocol/sdk/types.js";
import { decodeJwt, importJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as metadataRoute from "@/app/.well-known/oauth-authorization-server/route";
import * as protectedResourceRoute from "@/app/.well-known/oauth-protected-resource/api/mcp/route";
import * as apiResourceRoute from "@/app/.well-known/oauth-protected-resource/route";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as cancelRoute from "@/app/api/v1/access-requests/[id]/cancel/route";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as identitiesRoute from "@/app/api/v1/admin/agents/[id]/federated-identities/route";
import * as identityRoute from "@/app/api/v1/admin/agents/[id]/federated-identities/[identityId]/route";
import * as federationRoute from "@/app/api/v1/admin/agents/[id]/federation/route";
import * as scopesAdminRoute from "@/app/api/v1/admin/scopes/route";
import * as issuersRoute from "@/app/api/v1/admin/workload-issuers/route";
import * as issuerRoute from "@/app/api/v1/admin/workload-issuers/[id]/route";
import * as scopesRoute from "@/app/api/v1/scopes/route";
import * as tokenRoute from "@/app/api/v1/token/route";
import * as mcpRoute from "@/app/api/mcp/route";
import * as grantsRoute from "@/app/api/v1/grants/route";
import { main } from "@/cli/main";
import { prisma } from "@/lib/db";
import { verifyChain } from "@/lib/audit/verify-chain";
import { forgetIssuerKeys } from "@/lib/workload-identity/issuer-keys";
import { call, ensureAdmin } from "./api-helpers";
import { serveRouteHandlers } from "./http-adapter";
import { testDatabaseKind } from "./setup-database";
import { startWorkloadIssuer, type WorkloadIssuerFixture } from "./workload-issuer-fixtures";

const BATON = "http://localhost";
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";
const GITHUB_AUDIENCE = "https://baton.example.com";
const K8S_AUDIENCE = "baton";

let admin: string;
let github: WorkloadIssuerFixture;
let kubernetes: WorkloadIssuerFixture;
let deployer: string;
let runner: string;
let githubIssuerId: string;

/** POSTs a form to the token endpoint, from `address` (refusals are counted per client address). */
function exchange(fields: Record<string, string>, address = "198.51.100.1") {
  return call(tokenRoute.POST, {
    path: "/api/v1/token",
    rawBody: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-baton-client-address": address },
  });
}

const jwtBearer = (assertion: string, extra: Record<string, string> = {}) => exchange({ grant_type: JWT_BEARER, assertion, ...extra });

const refusals = () => prisma.auditEvent.count({ where: { action: "agent.token_exchange_refused" } });

async function expectRefused(assertion: string, reason: RegExp) {
  const before = await refusals();
  const response = await jwtBearer(assertion);
  expect(response.status).toBe(400);
  expect(response.json).toEqual({ error: "invalid_grant", error_description: expect.stringMatching(reason) });
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await refusals()).toBe(before + 1);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

beforeAll(async () => {
  admin = await ensureAdmin();
  github = await startWorkloadIssuer({ algorithms: ["RS256", "ES256"] });
  kubernetes = await startWorkloadIssuer({ algorithms: ["ES256"] });
  await call(scopesAdminRoute.POST, { token: admin, body: { key: "deploy:run", risk: "LOW", maxDurationSeconds: 3600, autoApprove: true } });
  const prod = await call(scopesAdminRoute.POST, { token: admin, body: { key: "deploy:prod", risk: "HIGH", maxDurationSeconds: 3600, autoApprove: false } });
  expect(prod.status).toBe(201);
  const agentOf = async (name: string) =>
    (await call(agentsRoute.POST, { token: admin, body: { name, ownerEmail: "admin@example.com", eligibleScopes: ["deploy:run", "deploy:prod"] } })).json
      .id as string;
  deployer = await agentOf("deployer");
  runner = await agentOf("cluster-runner");

  // GitHub Actions: keys found through OpenID discovery.
  const registered = await call(issuersRoute.POST, { token: admin, body: { name: "github-actions", issuer: github.url, audience: GITHUB_AUDIENCE } });
  expect(registered.status).toBe(201);
  githubIssuerId = registered.json.id;
  // A Kubernetes cluster: keys at a named JWKS URL.
  const cluster = await call(issuersRoute.POST, {
    token: admin,
    body: { name: "prod-cluster", issuer: kubernetes.url, audience: K8S_AUDIENCE, jwksUri: `${kubernetes.url}/jwks` },
  });
  expect(cluster.status).toBe(201);

  const bound = await call(identitiesRoute.POST, {
    token: admin,
    params: { id: deployer },
    body: { issuerId: githubIssuerId, claims: { repository: "acme/deploy", ref: "refs/heads/*" } },
  });
  expect(bound.status).toBe(201);
  expect(bound.json).toMatchObject({ agentId: deployer, subject: null, claims: { repository: "acme/deploy", ref: "refs/heads/*" } });
  const k8s = await call(identitiesRoute.POST, {
    token: admin,
    params: { id: runner },
    body: { issuerId: cluster.json.id, subject: "system:serviceaccount:deploy:runner" },
  });
  expect(k8s.status).toBe(201);
});

afterAll(async () => {
  await github?.close();
  await kubernetes?.close();
});

describe("workload issuers and federated identities (admin API)", () => {
  it("lists issuers, refuses duplicates and identities that would match every token", async () => {
    const list = await call(issuersRoute.GET, { token: admin });
    expect(list.json.items.map((issuer: { name: string }) => issuer.name)).toEqual(["github-actions", "prod-cluster"]);
    expect(list.json.items[0]).toMatchObject({ issuer: github.url, audience: GITHUB_AUDIENCE, jwksUri: null, federatedIdentities: 1 });
    const duplicate = await call(issuersRoute.POST, { token: admin, body: { name: "again", issuer: github.url, audience: "x" } });
    expect(duplicate.status).toBe(409);
    const bad = await call(issuersRoute.POST, { token: admin, body: { name: "bad", issuer: "ftp://example.com", audience: "x" } });
    expect(bad.status).toBe(400);
    const matchAll = await call(identitiesRoute.POST, { token: admin, params: { id: deployer }, body: { issuerId: githubIssuerId } });
    expect(matchAll.status).toBe(400);
    expect(matchAll.json.errors[0].field).toBe("subject");
    const federation = await call(identitiesRoute.GET, { token: admin, params: { id: deployer } });
    expect(federation.json).toMatchObject({ agentId: deployer, requireFederation: false, identities: [{ issuer: { name: "github-actions" } }] });
  });

  it("is for admins only", async () => {
    const anonymous = await call(issuersRoute.GET, {});
    expect(anonymous.status).toBe(401);
  });
});

describe("exchanging a workload token (RFC 7523 and RFC 8693)", () => {
  it("turns a GitHub Actions token into an agent access token that files a request: no key ever issued", async () => {
    const response = await jwtBearer(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy"));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      access_token: expect.any(String),
      issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
      token_type: "Bearer",
      expires_in: 900,
      scope: "baton:agent",
    });
    const claims = decodeJwt(response.json.access_token);
    expect(claims).toMatchObject({
      iss: BATON,
      aud: BATON,
      sub: deployer,
      client_id: deployer,
      sub_profile: "ai_agent",
      act: { sub: "repo:acme/deploy:ref:refs/heads/main", iss: github.url, sub_profile: "service" },
    });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(900);

    const token = response.json.access_token as string;
    const scopes = await call(scopesRoute.GET, { token });
    expect(scopes.status).toBe(200);
    const filed = await call(requestsRoute.POST, { token, body: { scopes: ["deploy:run"], justification: "Deploying main", durationSeconds: 600 } });
    expect(filed.status).toBe(201);
    expect(filed.json.status).toBe("APPROVED");
    expect(await prisma.agentKey.count({ where: { agentId: deployer } })).toBe(0);
    const exchanged = await prisma.auditEvent.findFirst({ where: { action: "agent.token_exchanged", agentId: deployer } });
    expect(exchanged).toMatchObject({ actorKind: "AGENT", actorId: deployer });
  });

  it("takes a Kubernetes service-account token through RFC 8693, by subject", async () => {
    const response = await exchange({
      grant_type: TOKEN_EXCHANGE,
      subject_token: await kubernetes.kubernetes(K8S_AUDIENCE, "deploy", "runner"),
      subject_token_type: JWT_TYPE,
    });
    expect(response.status).toBe(200);
    expect(decodeJwt(response.json.access_token)).toMatchObject({ sub: runner, act: { sub: "system:serviceaccount:deploy:runner" } });
    const other = await kubernetes.kubernetes(K8S_AUDIENCE, "deploy", "intruder");
    await expectRefused(other, /No agent is bound/);
  });

  it("refuses a token of another repository, and the same token a second time", async () => {
    await expectRefused(await github.githubActions(GITHUB_AUDIENCE, "evil/fork"), /No agent is bound/);
    await expectRefused(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy", "refs/pull/1/merge"), /No agent is bound/);
    const once = await github.githubActions(GITHUB_AUDIENCE, "acme/deploy");
    expect((await jwtBearer(once)).status).toBe(200);
    await expectRefused(once, /already exchanged/);
    // Another instance shares only the database: with this process's key cache gone too, the replay is still refused.
    forgetIssuerKeys();
    await expectRefused(once, /already exchanged/);
    const viaExchange = await exchange({ grant_type: TOKEN_EXCHANGE, subject_token: once, subject_token_type: JWT_TYPE });
    expect(viaExchange.json.error).toBe("invalid_grant");
  });

  // PGlite allows one process only; on PostgreSQL, a second process is a second instance.
  it.runIf(testDatabaseKind === "postgresql")(
    "refuses on a second instance a token exchanged on the first, and the other way round",
    async () => {
      const onSecondInstance = async (token: string) => {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "tests/integration/exchange-in-another-process.ts", token],
          { env: process.env },
        );
        return JSON.parse(stdout) as { status: number; error?: string; error_description?: string };
      };
      const first = await github.githubActions(GITHUB_AUDIENCE, "acme/deploy");
      expect((await jwtBearer(first)).status).toBe(200);
      expect(await onSecondInstance(first)).toMatchObject({
        status: 400,
        error: "invalid_grant",
        error_description: expect.stringMatching(/already exchanged/),
      });
      const second = await github.githubActions(GITHUB_AUDIENCE, "acme/deploy");
      expect(await onSecondInstance(second)).toEqual({ status: 200, scope: "baton:agent" });
      await expectRefused(second, /already exchanged/);
    },
    60_000,
  );

  it("still refuses the replay just after the token's exp, while the skew would accept it", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    try {
      const now = Math.floor(Date.now() / 1000);
      const token = await github.githubActions(GITHUB_AUDIENCE, "acme/deploy", "refs/heads/main", { exp: now + 10 });
      expect((await jwtBearer(token)).status).toBe(200);
      vi.setSystemTime(Date.now() + 40_000);
      // Another exchange meanwhile sweeps consumed tokens that have expired.
      expect((await jwtBearer(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy"))).status).toBe(200);
      await expectRefused(token, /already exchanged/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("exchanges a token once when two exchanges race (the jti is consumed in the database, as on another instance)", async () => {
    const token = await github.githubActions(GITHUB_AUDIENCE, "acme/deploy");
    const statuses = (await Promise.all([jwtBearer(token), jwtBearer(token), jwtBearer(token)])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 400, 400]);
  });

  it("refuses hostile tokens cleanly, each audited, never a 500", async () => {
    const now = Math.floor(Date.now() / 1000);
    const stranger = await startWorkloadIssuer();
    try {
      await expectRefused(await stranger.githubActions(GITHUB_AUDIENCE, "acme/deploy"), /not a registered workload issuer/);
    } finally {
      await stranger.close();
    }
    await expectRefused(await github.githubActions("https://someone-else.example.com", "acme/deploy"), /audience/);
    await expectRefused(
      await github.githubActions(GITHUB_AUDIENCE, "acme/deploy", "refs/heads/main", { iat: now - 900, nbf: now - 900, exp: now - 120 }),
      /expired/,
    );
    await expectRefused(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy", "refs/heads/main", { nbf: now + 300 }), /not valid yet/);
    await expectRefused(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy", "refs/heads/main", { iat: now + 300 }), /future/);
    await expectRefused(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy", "refs/heads/main", { jti: undefined }), /jti/);
    const claims = {
      iss: github.url,
      aud: GITHUB_AUDIENCE,
      sub: "repo:acme/deploy:ref:refs/heads/main",
      repository: "acme/deploy",
      ref: "refs/heads/main",
      exp: now + 300,
      jti: "x1",
    };
    await expectRefused(`${base64url({ alg: "none", typ: "JWT" })}.${base64url(claims)}.`, /algorithm none is not accepted/);
    // HMAC "signed" with the issuer's public key, the classic algorithm confusion.
    const publicPem = createPublicKey({ key: github.keys[0]!.publicJwk as never, format: "jwk" }).export({ type: "spki", format: "pem" });
    const hmac = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: github.keys[0]!.kid }).sign(new TextEncoder().encode(String(publicPem)));
    await expectRefused(hmac, /algorithm HS256 is not accepted/);
    // Signed by a key the issuer never published, under the issuer's own kid.
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: github.keys[1]!.kid })
      .sign(
        await importJWK(
          { ...(await (await import("jose")).exportJWK((await (await import("jose")).generateKeyPair("ES256", { extractable: true })).privateKey)) },
          "ES256",
        ),
      );
    await expectRefused(forged, /signature does not verify/);
    await expectRefused(`${base64url({ alg: "RS256", kid: github.keys[0]!.kid })}.${"A".repeat(17_000)}.sig`, /longer than 16384/);
    await expectRefused("not a jwt at all", /not a signed JWT/);
    expect((await verifyChain()).ok).toBe(true);
  });

  it("refuses tokens of an issuer whose discovery names another issuer, or whose keys are endless", async () => {
    const liar = await startWorkloadIssuer();
    const endless = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"keys":[');
      const chunk = `${JSON.stringify({ kty: "RSA", n: "x".repeat(1000), e: "AQAB" })},`;
      for (let i = 0; i < 400; i++) response.write(chunk);
      response.end("{}]}");
    });
    await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
    try {
      // Registered under another name than the one its discovery document gives.
      const alias = liar.url.replace("127.0.0.1", "localhost");
      const registered = await call(issuersRoute.POST, { token: admin, body: { name: "liar", issuer: alias, audience: "liar" } });
      expect(registered.status).toBe(201);
      const aliased = await liar.sign({ iss: alias, aud: "liar", sub: "someone" });
      await expectRefused(aliased, /names another issuer/);

      const big = await call(issuersRoute.POST, {
        token: admin,
        body: {
          name: "endless",
          issuer: "https://endless.example.com",
          audience: "endless",
          jwksUri: `http://127.0.0.1:${(endless.address() as AddressInfo).port}/jwks`,
        },
      });
      expect(big.status).toBe(201);
      await expectRefused(await liar.sign({ iss: "https://endless.example.com", aud: "endless", sub: "someone" }), /larger than 262144 bytes/);
      for (const id of [registered.json.id, big.json.id]) await call(issuerRoute.DELETE, { token: admin, params: { id } });
    } finally {
      await liar.close();
      await new Promise((resolve) => endless.close(resolve));
    }
  });

  it("survives an unknown-kid storm with at most one key fetch a minute, and finds a rotated key after it", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    try {
      const before = github.fetches().jwks;
      for (let i = 0; i < 15; i++) {
        const token = await github.sign(
          { aud: GITHUB_AUDIENCE, sub: "repo:acme/deploy:ref:refs/heads/main", repository: "acme/deploy", ref: "refs/heads/main" },
          { kid: `made-up-${i}` },
        );
        const response = await exchange({ grant_type: JWT_BEARER, assertion: token }, "198.51.100.2");
        expect(response.status).toBe(400);
      }
      expect(github.fetches().jwks - before).toBeLessThanOrEqual(1);

      vi.setSystemTime(Date.now() + 61_000);
      const rotated = await github.addKey("ES384");
      const fetchesBeforeRotation = github.fetches().jwks;
      const response = await jwtBearer(
        await github.sign(
          { aud: GITHUB_AUDIENCE, sub: "repo:acme/deploy:ref:refs/heads/main", repository: "acme/deploy", ref: "refs/heads/main" },
          { kid: rotated.kid },
        ),
      );
      expect(response.status).toBe(200);
      expect(github.fetches().jwks - fetchesBeforeRotation).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers malformed requests with invalid_request or invalid_target, not invalid_grant", async () => {
    expect((await exchange({ grant_type: JWT_BEARER })).json.error).toBe("invalid_request");
    const token = await github.githubActions(GITHUB_AUDIENCE, "acme/deploy");
    expect((await jwtBearer(token, { resource: "https://elsewhere.example.com" })).json.error).toBe("invalid_target");
    expect((await jwtBearer(token, { scope: "admin" })).json.error).toBe("invalid_scope");
  });
});

describe("require federation and static keys", () => {
  it("refuses an agent's static keys once federation is required, and issues no new ones", async () => {
    const issued = await call(keysRoute.POST, { token: admin, params: { id: runner }, body: {} });
    expect(issued.status).toBe(201);
    expect((await call(scopesRoute.GET, { token: issued.json.key })).status).toBe(200);
    const required = await call(federationRoute.PATCH, { token: admin, params: { id: runner }, body: { requireFederation: true } });
    expect(required.status).toBe(200);
    expect(required.json.requireFederation).toBe(true);
    expect((await call(scopesRoute.GET, { token: issued.json.key })).status).toBe(401);
    expect((await call(keysRoute.POST, { token: admin, params: { id: runner }, body: {} })).status).toBe(409);
    // Federation itself still works.
    const response = await exchange({
      grant_type: TOKEN_EXCHANGE,
      subject_token: await kubernetes.kubernetes(K8S_AUDIENCE, "deploy", "runner"),
      subject_token_type: JWT_TYPE,
    });
    expect((await call(scopesRoute.GET, { token: response.json.access_token })).status).toBe(200);
  });

  it("stops access tokens issued through an identity once it is removed", async () => {
    const response = await jwtBearer(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy"));
    const token = response.json.access_token as string;
    expect((await call(scopesRoute.GET, { token })).status).toBe(200);
    const identity = await prisma.federatedIdentity.findFirstOrThrow({ where: { agentId: deployer } });
    expect((await call(identityRoute.DELETE, { token: admin, params: { id: deployer, identityId: identity.id } })).status).toBe(204);
    expect((await call(scopesRoute.GET, { token })).status).toBe(401);
    await expectRefused(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy"), /No agent is bound/);
    // Bound again for the MCP tests below.
    await call(identitiesRoute.POST, { token: admin, params: { id: deployer }, body: { issuerId: githubIssuerId, claims: { repository: "acme/deploy" } } });
  });
});

/** An MCP client that proves itself with a workload token (RFC 7523), as a CI job would. */
class WorkloadIdentityProvider implements OAuthClientProvider {
  private stored?: OAuthTokens;
  constructor(
    private readonly workloadToken: () => Promise<string>,
    private readonly agentId: string,
  ) {}
  get redirectUrl() {
    return undefined;
  }
  get clientMetadata(): OAuthClientMetadata {
    return { client_name: "ci-job", redirect_uris: [], grant_types: [JWT_BEARER], token_endpoint_auth_method: "none" };
  }
  clientInformation(): OAuthClientInformationMixed {
    return { client_id: this.agentId };
  }
  tokens() {
    return this.stored;
  }
  saveTokens(tokens: OAuthTokens) {
    this.stored = tokens;
  }
  redirectToAuthorization(): never {
    throw new Error("no interactive authorization");
  }
  saveCodeVerifier() {}
  codeVerifier(): never {
    throw new Error("no interactive authorization");
  }
  async prepareTokenRequest() {
    return new URLSearchParams({ grant_type: JWT_BEARER, assertion: await this.workloadToken() });
  }
}

describe("MCP authorization (RFC 9728, RFC 8707)", () => {
  let servers: Awaited<ReturnType<typeof serveRouteHandlers>>;

  beforeAll(async () => {
    servers = await serveRouteHandlers([
      { method: "GET", path: "/.well-known/oauth-protected-resource/api/mcp", handler: protectedResourceRoute.GET },
      { method: "GET", path: "/.well-known/oauth-authorization-server", handler: metadataRoute.GET },
      { method: "POST", path: "/api/v1/token", handler: tokenRoute.POST },
      { method: "GET", path: "/api/mcp", handler: mcpRoute.GET },
      { method: "POST", path: "/api/mcp", handler: mcpRoute.POST },
      { method: "DELETE", path: "/api/mcp", handler: mcpRoute.DELETE },
      { method: "GET", path: "/api/v1/grants", handler: grantsRoute.GET },
    ]);
  });

  afterAll(async () => {
    await servers?.close();
  });

  it("publishes the protected-resource metadata and challenges a call without a token", async () => {
    const metadata = await (await fetch(`${servers.url}/.well-known/oauth-protected-resource/api/mcp`)).json();
    expect(metadata).toEqual({
      resource: `${servers.url}/api/mcp`,
      authorization_servers: [servers.url],
      bearer_methods_supported: ["header"],
      scopes_supported: ["baton:agent"],
      resource_name: "Baton MCP server",
      resource_documentation: `${servers.url}/docs/api`,
    });
    const api = await call(async (request) => apiResourceRoute.GET(request), { path: "/.well-known/oauth-protected-resource" });
    expect(api.json).toMatchObject({ resource: BATON, authorization_servers: [BATON], resource_name: "Baton agent API" });
    const server = await (await fetch(`${servers.url}/.well-known/oauth-authorization-server`)).json();
    expect(server).toMatchObject({
      token_endpoint: `${servers.url}/api/v1/token`,
      grant_types_supported: expect.arrayContaining([JWT_BEARER, TOKEN_EXCHANGE]),
      token_endpoint_auth_methods_supported: ["none"],
      authorization_details_types_supported: [],
    });
    const refused = await fetch(`${servers.url}/api/mcp`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${servers.url}/.well-known/oauth-protected-resource/api/mcp", scope="baton:agent"`,
    );
  });

  it("refuses a token bound to the agent API at the MCP server, and the other way round", async () => {
    const apiToken = (await jwtBearer(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy"))).json.access_token as string;
    const atMcp = await fetch(`${servers.url}/api/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(atMcp.status).toBe(401);
    const mcpToken = await (
      await fetch(`${servers.url}/api/v1/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: JWT_BEARER,
          assertion: await github.githubActions(GITHUB_AUDIENCE, "acme/deploy"),
          resource: `${servers.url}/api/mcp`,
        }),
      })
    ).json();
    expect(decodeJwt(mcpToken.access_token).aud).toBe(`${servers.url}/api/mcp`);
    expect((await call(scopesRoute.GET, { token: mcpToken.access_token, path: "/api/v1/scopes" })).status).toBe(401);
  });

  it("lets the MCP SDK client find the metadata, get its token with a workload token and call a tool", async () => {
    const provider = new WorkloadIdentityProvider(() => github.githubActions(GITHUB_AUDIENCE, "acme/deploy"), deployer);
    const client = new Client({ name: "ci-job", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${servers.url}/api/mcp`), { authProvider: provider }));
    try {
      expect(decodeJwt(provider.tokens()!.access_token)).toMatchObject({ aud: `${servers.url}/api/mcp`, sub: deployer });
      const tools = await client.listTools();
      expect(tools.tools.map((tool) => tool.name)).toContain("request_access");
      const scopes = await client.callTool({ name: "list_scopes", arguments: {} });
      expect(scopes.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });
});

describe("request_access for a request that needs people (MCP URL elicitation)", () => {
  it("offers the request page to a client that takes URL elicitations, and completes it once the request is decided", async () => {
    const servers = await serveRouteHandlers([
      { method: "GET", path: "/.well-known/oauth-protected-resource/api/mcp", handler: protectedResourceRoute.GET },
      { method: "GET", path: "/.well-known/oauth-authorization-server", handler: metadataRoute.GET },
      { method: "POST", path: "/api/v1/token", handler: tokenRoute.POST },
      { method: "POST", path: "/api/mcp", handler: mcpRoute.POST },
      { method: "GET", path: "/api/mcp", handler: mcpRoute.GET },
      { method: "DELETE", path: "/api/mcp", handler: mcpRoute.DELETE },
    ]);
    const client = new Client({ name: "ide", version: "1.0.0" }, { capabilities: { elicitation: { url: {} } } });
    const elicited: ElicitRequest["params"][] = [];
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      elicited.push(request.params);
      return { action: "accept" };
    });
    const completed: string[] = [];
    client.setNotificationHandler(ElicitationCompleteNotificationSchema, (notification) => void completed.push(notification.params.elicitationId));
    const provider = new WorkloadIdentityProvider(() => github.githubActions(GITHUB_AUDIENCE, "acme/deploy"), deployer);
    await client.connect(new StreamableHTTPClientTransport(new URL(`${servers.url}/api/mcp`), { authProvider: provider }));
    try {
      const filed = await client.callTool({
        name: "request_access",
        arguments: { scopes: ["deploy:prod"], justification: "Deploying the release to production", duration: "PT30M" },
      });
      const { requestId: id, ...request } = filed.structuredContent as { requestId: string; status: string; decisionUrl: string };
      expect(request).toMatchObject({ status: "PENDING", decisionUrl: `${servers.url}/requests/${id}` });
      expect(elicited).toEqual([{ mode: "url", elicitationId: id, url: `${servers.url}/requests/${id}`, message: expect.stringContaining(id) }]);

      // wait_for_decision keeps working, and completes the elicitation once people (here: the agent itself) end the request.
      const apiToken = (await jwtBearer(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy"))).json.access_token as string;
      expect((await call(cancelRoute.POST, { token: apiToken, params: { id }, body: { reason: "Not needed" } })).status).toBe(200);
      const decided = await client.callTool({ name: "wait_for_decision", arguments: { requestId: id, timeoutSeconds: 5 } });
      expect((decided.structuredContent as { status: string }).status).toBe("CANCELLED");
      await vi.waitFor(() => expect(completed).toEqual([id]));
    } finally {
      await client.close();
      await servers.close();
    }
  });
});

describe("the CLI with an identity token file", () => {
  let servers: Awaited<ReturnType<typeof serveRouteHandlers>>;
  let directory: string;

  beforeAll(async () => {
    servers = await serveRouteHandlers([
      { method: "POST", path: "/api/v1/token", handler: tokenRoute.POST },
      { method: "GET", path: "/api/v1/grants", handler: grantsRoute.GET },
    ]);
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "baton-id-token-"));
  });

  afterAll(async () => {
    await servers?.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const run = async (argv: string[], env: Record<string, string>) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, {
      env: { BATON_URL: servers.url, ...env },
      print: (line) => out.push(line),
      warn: (line) => err.push(line),
      stderr: { write: () => true },
      stdin: process.stdin,
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("acts as the agent bound to the token in --id-token-file or BATON_ID_TOKEN_FILE, with no key", async () => {
    const file = path.join(directory, "token");
    fs.writeFileSync(file, `${await github.githubActions(GITHUB_AUDIENCE, "acme/deploy")}\n`);
    const viaFlag = await run(["grants", "--id-token-file", file, "--status", "all", "--json"], {});
    expect(viaFlag.err).toBe("");
    expect(viaFlag.code).toBe(0);
    expect(JSON.parse(viaFlag.out)[0]).toMatchObject({ agentId: deployer, scopes: ["deploy:run"] });

    // A fresh process reading the same, already exchanged token is refused, and says why.
    const replayed = await run(["grants"], { BATON_ID_TOKEN_FILE: file });
    expect(replayed.code).toBe(1);
    expect(replayed.err).toMatch(/refused the identity token \(400 invalid_grant\): The token was already exchanged/);

    fs.writeFileSync(file, await github.githubActions(GITHUB_AUDIENCE, "acme/deploy"));
    const viaEnvironment = await run(["grants", "--status", "all"], { BATON_ID_TOKEN_FILE: file });
    expect(viaEnvironment.code).toBe(0);
    expect(viaEnvironment.out).toContain("deploy:run");
  });
});

describe("removing an issuer", () => {
  it("refuses its tokens from then on", async () => {
    expect((await call(issuerRoute.DELETE, { token: admin, params: { id: githubIssuerId } })).status).toBe(204);
    await expectRefused(await github.githubActions(GITHUB_AUDIENCE, "acme/deploy"), /not a registered workload issuer/);
    expect(await prisma.federatedIdentity.count({ where: { agentId: deployer } })).toBe(0);
  });
});
