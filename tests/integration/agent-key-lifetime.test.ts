import { beforeAll, expect, it, vi } from "vitest";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as issuersRoute from "@/app/api/v1/admin/workload-issuers/route";
import * as scopesRoute from "@/app/api/v1/scopes/route";
import { prisma } from "@/lib/db";
import { call, ensureAdmin } from "./api-helpers";

const MAX_LIFETIME = 30 * 86400;

// Static keys live 30 days at most here, and outbound requests reach public addresses only.
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: () => ({ ...actual.env(), BATON_AGENT_KEY_MAX_LIFETIME: MAX_LIFETIME, BATON_ALLOW_PRIVATE_NETWORKS: "off" }) };
});

let admin: string;
let agentId: string;

beforeAll(async () => {
  admin = await ensureAdmin();
  agentId = (await call(agentsRoute.POST, { token: admin, body: { name: "short-lived", ownerEmail: "admin@example.com", eligibleScopes: [] } })).json.id;
});

it("gives a key without an expiry the maximum lifetime, and refuses a longer one", async () => {
  const issued = await call(keysRoute.POST, { token: admin, params: { id: agentId }, body: {} });
  expect(issued.status).toBe(201);
  const lifetime = (Date.parse(issued.json.expiresAt) - Date.parse(issued.json.createdAt)) / 1000;
  expect(lifetime).toBe(MAX_LIFETIME);
  const tooLong = await call(keysRoute.POST, { token: admin, params: { id: agentId }, body: { expiresInSeconds: 90 * 86400 } });
  expect(tooLong.status).toBe(400);
  expect(tooLong.json.errors[0]).toMatchObject({ field: "expiresInSeconds", message: expect.stringMatching(/BATON_AGENT_KEY_MAX_LIFETIME/) });
});

it("refuses a key older than the maximum lifetime, even one issued without an expiry before the limit was set", async () => {
  const issued = await call(keysRoute.POST, { token: admin, params: { id: agentId }, body: {} });
  expect((await call(scopesRoute.GET, { token: issued.json.key })).status).toBe(200);
  await prisma.agentKey.update({ where: { id: issued.json.id }, data: { expiresAt: null, createdAt: new Date(Date.now() - (MAX_LIFETIME + 60) * 1000) } });
  expect((await call(scopesRoute.GET, { token: issued.json.key })).status).toBe(401);
});

it("refuses a workload issuer on a private address unless BATON_ALLOW_PRIVATE_NETWORKS is on", async () => {
  const refused = await call(issuersRoute.POST, { token: admin, body: { name: "internal", issuer: "http://127.0.0.1:9/issuer", audience: "baton" } });
  expect(refused.status).toBe(400);
  expect(refused.json.errors[0]).toMatchObject({ field: "issuer", message: expect.stringMatching(/BATON_ALLOW_PRIVATE_NETWORKS=on/) });
  const metadata = await call(issuersRoute.POST, {
    token: admin,
    body: { name: "metadata", issuer: "https://issuer.example.com", audience: "baton", jwksUri: "http://169.254.169.254/latest" },
  });
  expect(metadata.json.errors[0].field).toBe("jwksUri");
});
