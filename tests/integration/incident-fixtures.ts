import { expect } from "vitest";
import { prisma } from "@/lib/db";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import * as integrationsRoute from "@/app/api/v1/admin/incident-integrations/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import { createPersonalToken } from "@/lib/tokens/create-personal-token";
import { call } from "./api-helpers";
import { CRM, setUpWorld, type World } from "./resource-server-fixtures";

export interface Person {
  id: string;
  email: string;
  token: string;
}

export interface IncidentWorld extends World {
  admin: Person;
  carol: Person;
  cody: Person;
  victor: Person;
  bot: { id: string; key: string };
  integration: { slug: string; webhookSecret: string; credential: string };
}

export async function personWithToken(admin: string, email: string, role: string): Promise<Person> {
  const created = await call(usersRoute.POST, { token: admin, body: { email, name: email.split("@")[0], role, password: "a long password 123" } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const { token } = await createPersonalToken({ principal: { kind: "person" as const, userId: user.id, role: user.role }, input: { name: "tests" } });
  return { id: user.id, email, token };
}

/**
 * setUpWorld's resource servers, people and agents, plus: commanders carol and cody, viewer victor,
 * the admin's own token, a CRM scope that needs approval (max 15 min) and a critical one, an
 * `incident-bot` eligible for those, and a `pagerduty` integration.
 */
export async function setUpIncidentWorld(adminToken: string): Promise<IncidentWorld> {
  const world = await setUpWorld(adminToken);
  const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
  const [carol, cody, victor] = [
    await personWithToken(adminToken, "carol@example.com", "COMMANDER"),
    await personWithToken(adminToken, "cody@example.com", "COMMANDER"),
    await personWithToken(adminToken, "victor@example.com", "VIEWER"),
  ];
  for (const scope of [
    { key: "crm.notes:write", risk: "MEDIUM", maxDurationSeconds: 900, approverGroup: "crm-approvers", resourceServer: CRM },
    { key: "crm.customers:erase", risk: "CRITICAL", maxDurationSeconds: 1800, approverGroup: "crm-approvers", resourceServer: CRM },
  ])
    expect((await call(scopesRoute.POST, { token: adminToken, body: scope })).status).toBe(201);
  const bot = await registerBot(adminToken, "incident-bot");
  const integration = await call(integrationsRoute.POST, { token: adminToken, body: { slug: "pagerduty", name: "PagerDuty" } });
  expect(integration.status).toBe(201);
  return {
    ...world,
    admin: { id: adminUser.id, email: adminUser.email, token: adminToken },
    carol,
    cody,
    victor,
    bot,
    integration: { slug: "pagerduty", webhookSecret: integration.json.webhookSecret, credential: integration.json.credential },
  };
}

/** An agent eligible for the incident scopes, with a key: tests that count an agent's grants take a fresh one. */
export async function registerBot(adminToken: string, name: string) {
  const agent = await call(agentsRoute.POST, {
    token: adminToken,
    body: { name, ownerEmail: "owner@example.com", eligibleScopes: ["crm.customers:read", "crm.notes:write", "crm.customers:erase"] },
  });
  expect(agent.status).toBe(201);
  const key = await call(keysRoute.POST, { token: adminToken, params: { id: agent.json.id } });
  return { id: agent.json.id as string, key: key.json.key as string };
}

/** Opens an incident through the API as `token`'s holder. */
export async function openIncidentAs(token: string, body: Record<string, unknown> = {}) {
  const opened = await call(incidentsRoute.POST, { token, body: { title: "Checkout latency spike", severity: "SEV2", ...body } });
  expect(opened.status, JSON.stringify(opened.json)).toBe(201);
  return opened.json as { id: string; status: string; commander: { email: string } | null; externalSource: string | null };
}
