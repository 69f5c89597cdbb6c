import { expect } from "vitest";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as groupsRoute from "@/app/api/v1/admin/groups/route";
import * as resourceServersRoute from "@/app/api/v1/admin/resource-servers/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import { call } from "./api-helpers";

// On PostgreSQL there is no temporary data directory to generate the key-encryption secret into.
if (process.env.DATABASE_URL) process.env.BATON_SECRET_KEY ??= "integration-tests-key-encryption-secret-0123456789";

export const CRM = "https://crm.example.test";
export const BILLING = "https://billing.example.test";

export interface World {
  crmSecret: string;
  billingSecret: string;
  ops: { id: string; key: string };
  other: { id: string; key: string };
}

async function agentWithKey(admin: string, name: string, eligibleScopes: string[]) {
  const agent = await call(agentsRoute.POST, { token: admin, body: { name, ownerEmail: "owner@example.com", eligibleScopes } });
  expect(agent.status).toBe(201);
  const key = await call(keysRoute.POST, { token: admin, params: { id: agent.json.id } });
  return { id: agent.json.id as string, key: key.json.key as string };
}

/**
 * Two resource servers (CRM, billing), scopes enforced by each (and one by neither), an owner, an
 * approver in the CRM group, and two agents with keys.
 */
export async function setUpWorld(admin: string): Promise<World> {
  expect(
    (await call(usersRoute.POST, { token: admin, body: { email: "owner@example.com", name: "Owner", role: "VIEWER", password: "owner password 1" } })).status,
  ).toBe(201);
  expect(
    (await call(usersRoute.POST, { token: admin, body: { email: "alice@example.com", name: "Alice", role: "APPROVER", password: "alice password 1" } })).status,
  ).toBe(201);
  expect(
    (await call(usersRoute.POST, { token: admin, body: { email: "bob@example.com", name: "Bob", role: "APPROVER", password: "bob password 12" } })).status,
  ).toBe(201);
  expect((await call(groupsRoute.POST, { token: admin, body: { name: "crm-approvers", memberEmails: ["alice@example.com"] } })).status).toBe(201);
  const crm = await call(resourceServersRoute.POST, { token: admin, body: { name: "crm", audience: CRM } });
  const billing = await call(resourceServersRoute.POST, { token: admin, body: { name: "billing", audience: BILLING } });
  expect([crm.status, billing.status]).toEqual([201, 201]);
  for (const scope of [
    { key: "crm.customers:read", risk: "LOW", maxDurationSeconds: 3600, autoApprove: true, resourceServer: CRM },
    { key: "crm.customers:write", risk: "MEDIUM", maxDurationSeconds: 3600, autoApprove: true, approverGroup: "crm-approvers", resourceServer: CRM },
    { key: "billing.invoices:read", risk: "LOW", maxDurationSeconds: 3600, autoApprove: true, resourceServer: BILLING },
    { key: "logs.read", risk: "LOW", maxDurationSeconds: 3600, autoApprove: true },
  ])
    expect((await call(scopesRoute.POST, { token: admin, body: scope })).status).toBe(201);
  const ops = await agentWithKey(admin, "ops-bot", ["crm.customers:read", "crm.customers:write", "billing.invoices:read", "logs.read"]);
  const other = await agentWithKey(admin, "other-bot", ["crm.customers:read", "billing.invoices:read"]);
  return { crmSecret: crm.json.secret, billingSecret: billing.json.secret, ops, other };
}

/** An auto-approved grant, filed by the agent itself. */
export async function grantFor(agentKey: string, scopes: string[], extra: { durationSeconds?: number; onBehalfOf?: string } = {}) {
  const filed = await call(requestsRoute.POST, {
    token: agentKey,
    body: { scopes, justification: "Reconciling customer invoices", durationSeconds: extra.durationSeconds ?? 600, onBehalfOf: extra.onBehalfOf },
  });
  expect(filed.status).toBe(201);
  expect(filed.json.grant).not.toBeNull();
  return filed.json.grant as { id: string; expiresAt: string; startsAt: string; scopes: string[] };
}
