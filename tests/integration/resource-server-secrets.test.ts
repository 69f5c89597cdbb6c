import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyChain } from "@/lib/audit/verify-chain";
import { sha256Hex } from "@/lib/crypto/secrets";
import { findResourceServer } from "@/lib/resource-servers/find-resource-server";
import * as decisionsRoute from "@/app/api/v1/decisions/route";
import * as resourceServersRoute from "@/app/api/v1/admin/resource-servers/route";
import * as rotateRoute from "@/app/api/v1/admin/resource-servers/[id]/rotate-secret/route";
import * as revokeRoute from "@/app/api/v1/admin/resource-servers/[id]/revoke/route";
import { call, ensureAdmin } from "./api-helpers";
import { CRM, setUpWorld, type World } from "./resource-server-fixtures";

let admin: string;
let world: World;
let crmId: string;

const decide = (secret: string) => call(decisionsRoute.POST, { token: secret, body: { agentId: world.ops.id, scope: "crm.customers:read" } });
const rotate = (body: unknown, id = crmId) => call(rotateRoute.POST, { token: admin, params: { id }, body });

beforeAll(async () => {
  admin = await ensureAdmin();
  world = await setUpWorld(admin);
  crmId = (await call(resourceServersRoute.GET, { token: admin })).json.items.find((server: { audience: string }) => server.audience === CRM).id;
});

describe("rotating a resource server's secret", () => {
  it("with no overlap: the new secret works and the old one is refused at once", async () => {
    const old = world.crmSecret;
    expect((await decide(old)).status).toBe(200);
    const rotated = await rotate({});
    expect(rotated.status).toBe(201);
    expect(rotated.json.secret).toMatch(/^batonrs_[A-Za-z0-9_-]{43}$/);
    expect(rotated.json.previousSecret).toBeNull();
    expect((await decide(old)).status).toBe(401);
    expect((await decide(rotated.json.secret)).status).toBe(200);
    world.crmSecret = rotated.json.secret;
  });

  it("with an overlap: both secrets work until it ends, and the list says until when", async () => {
    const old = world.crmSecret;
    const rotated = await rotate({ overlapSeconds: 600 });
    expect(rotated.status).toBe(201);
    const acceptedUntil = new Date(rotated.json.previousSecret.acceptedUntil);
    expect(rotated.json.previousSecret.prefix).toBe(old.slice(0, 12));
    expect([(await decide(old)).status, (await decide(rotated.json.secret)).status]).toEqual([200, 200]);
    const listed = (await call(resourceServersRoute.GET, { token: admin })).json.items.find((server: { id: string }) => server.id === crmId);
    expect(listed.previousSecret).toEqual(rotated.json.previousSecret);
    // The overlap ends exactly at acceptedUntil (an injected time, through the lookup every caller uses).
    expect(await findResourceServer(sha256Hex(old), new Date(acceptedUntil.getTime() - 1))).not.toBeNull();
    expect(await findResourceServer(sha256Hex(old), acceptedUntil)).toBeNull();
    expect(await findResourceServer(sha256Hex(rotated.json.secret), new Date(acceptedUntil.getTime() + 86_400_000))).not.toBeNull();
    world.crmSecret = rotated.json.secret;
  });

  it("refuses a bad overlap, an unknown id, and callers that are not admins", async () => {
    const negative = await rotate({ overlapSeconds: -1 });
    expect(negative.status).toBe(400);
    expect(negative.json.errors[0].field).toBe("overlapSeconds");
    expect((await rotate({ overlapSeconds: 8 * 86_400 })).status).toBe(400);
    expect((await rotate({}, "rsv_01jd3z8k6q4d2w5h7x9c0v1b2n")).status).toBe(404);
    expect((await rotate({}, "not-an-id")).status).toBe(400);
    expect((await call(rotateRoute.POST, { token: world.ops.key, params: { id: crmId }, body: {} })).status).toBe(403);
    expect((await call(rotateRoute.POST, { token: world.crmSecret, params: { id: crmId }, body: {} })).status).toBe(403);
  });
});

describe("revoking a resource server", () => {
  it("refuses every secret it had at once, is final, and keeps the chain intact", async () => {
    const current = world.crmSecret;
    const rotated = await rotate({ overlapSeconds: 600 });
    const revoked = await call(revokeRoute.POST, { token: admin, params: { id: crmId }, body: { reason: "decommissioned" } });
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedAt).not.toBeNull();
    expect(revoked.json.previousSecret).toBeNull();
    expect([(await decide(current)).status, (await decide(rotated.json.secret)).status]).toEqual([401, 401]);
    expect((await call(revokeRoute.POST, { token: admin, params: { id: crmId }, body: { reason: "again" } })).status).toBe(409);
    expect((await rotate({})).status).toBe(409);
    expect((await call(revokeRoute.POST, { token: admin, params: { id: crmId }, body: {} })).json.errors[0].field).toBe("reason");
    expect(await prisma.auditEvent.count({ where: { action: "resource_server.revoked", subjectId: crmId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "resource_server.secret_rotated", subjectId: crmId } })).toBe(3);
    expect((await verifyChain()).ok).toBe(true);
  });
});
