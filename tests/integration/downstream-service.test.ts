import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v1/grants/[id]/token/route";
import * as revokeRoute from "@/app/api/v1/grants/[id]/revoke/route";
import * as signingKeysRoute from "@/app/api/v1/admin/signing-keys/route";
import * as rotateRoute from "@/app/api/v1/admin/signing-keys/rotate/route";
import { main } from "@/cli/main";
import { ensureAdmin } from "./api-helpers";
import { serveBatonAndCrm } from "./downstream-fixtures";
import { BILLING, CRM, grantFor, setUpWorld, type World } from "./resource-server-fixtures";

let admin: string;
let world: World;
let servers: Awaited<ReturnType<typeof serveBatonAndCrm>>;

/** Talks to Baton over HTTP like an agent would, so the token's issuer is the address the service trusts. */
async function batonPost(path: string, token: string, body: unknown = {}) {
  const response = await fetch(servers.batonUrl + path, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const callCrm = (token?: string) =>
  fetch(`${servers.crmUrl}/customers`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(async (response) => ({
    status: response.status,
    json: await response.json(),
  }));

beforeAll(async () => {
  admin = await ensureAdmin();
  world = await setUpWorld(admin);
  servers = await serveBatonAndCrm(world.crmSecret, [
    { method: "POST", path: "/api/v1/grants/:id/token", handler: tokenRoute.POST },
    { method: "POST", path: "/api/v1/grants/:id/revoke", handler: revokeRoute.POST },
    { method: "GET", path: "/api/v1/admin/signing-keys", handler: signingKeysRoute.GET },
    { method: "POST", path: "/api/v1/admin/signing-keys/rotate", handler: rotateRoute.POST },
  ]);
});

afterAll(async () => {
  await servers?.close();
});

describe("the example downstream service", () => {
  it("allows a call with a live grant's token, and denies the very next call after the grant is revoked", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"]);
    const issued = await batonPost(`/api/v1/grants/${grant.id}/token`, world.ops.key, { audience: CRM });
    expect(issued.status).toBe(200);
    const token = issued.json.access_token as string;

    expect(await callCrm(token)).toEqual({ status: 200, json: { customers: [{ id: 42, name: "Ada Lovelace" }], grantId: grant.id } });
    expect((await batonPost(`/api/v1/grants/${grant.id}/revoke`, world.ops.key, { reason: "task finished" })).json.status).toBe("REVOKED");
    expect(await callCrm(token)).toEqual({ status: 403, json: { error: "access_denied", reason: "grant_inactive" } });
  });

  it("refuses, without asking Baton, a missing token and a token for another service", async () => {
    expect((await callCrm()).status).toBe(401);
    const grant = await grantFor(world.ops.key, ["billing.invoices:read"]);
    const billingToken = (await batonPost(`/api/v1/grants/${grant.id}/token`, world.ops.key, { audience: BILLING })).json.access_token;
    expect(await callCrm(billingToken)).toEqual({ status: 401, json: { error: "invalid_token" } });
  });

  it("keeps verifying across a signing-key rotation done with the CLI", async () => {
    const grant = await grantFor(world.ops.key, ["crm.customers:read"]);
    const before = (await batonPost(`/api/v1/grants/${grant.id}/token`, world.ops.key, { audience: CRM })).json.access_token;
    const lines: string[] = [];
    const context = {
      env: { BATON_URL: servers.batonUrl, BATON_TOKEN: admin },
      print: (line: string) => lines.push(line),
      warn: (line: string) => lines.push(line),
      stderr: { write: () => true },
      stdin: process.stdin,
    };
    expect(await main(["admin", "signing-keys", "rotate", "--overlap", "10m"], context)).toBe(0);
    expect(lines.join("\n")).toMatch(
      /^Signing key \S+ signs from now on \(published since .+\)\.\nNext key \S+ is published now.*\nRetired \S+: still published for 10m, until /,
    );
    const after = (await batonPost(`/api/v1/grants/${grant.id}/token`, world.ops.key, { audience: CRM })).json.access_token;
    expect((await callCrm(before)).status).toBe(200);
    // The service refetches the JWKS for a key it has not seen once its one-second cool-down has passed.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await callCrm(after)).status).toBe(200);

    lines.length = 0;
    expect(await main(["admin", "signing-keys", "list"], context)).toBe(0);
    expect(lines[0]).toMatch(/^KID\s+ALG\s+STATE/);
    expect(lines.join("\n")).toMatch(/EdDSA\s+active/);
    expect(lines.join("\n")).toMatch(/EdDSA\s+retired/);
    lines.length = 0;
    expect(await main(["admin", "signing-keys", "rotate", "--overlap", "1m"], context)).toBe(1);
    expect(lines.join("\n")).toContain("at least 300");
  });
});
