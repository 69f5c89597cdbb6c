import { beforeAll, expect, it } from "vitest";
import * as requestsRoute from "@/app/api/v1/access-requests/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as keysRoute from "@/app/api/v1/admin/agents/[id]/keys/route";
import { fileAccessRequest } from "@/lib/requests/file-access-request";
import type { AgentPrincipal } from "@/lib/kernel/principal";
import { asAgent, call, ensureAdmin } from "./api-helpers";

// Read when the environment is first parsed, which happens after this module loads.
process.env.BATON_FILING_RATE_PER_MINUTE = "5";

let key: string;
let agent: AgentPrincipal;
beforeAll(async () => {
  const admin = await ensureAdmin();
  await call(scopesRoute.POST, { token: admin, body: { key: "tickets:write", risk: "LOW", maxDurationSeconds: 3600, autoApprove: true } });
  const created = await call(agentsRoute.POST, {
    token: admin,
    body: { name: "chatty-bot", ownerEmail: "admin@example.com", eligibleScopes: ["tickets:write"] },
  });
  const issued = (await call(keysRoute.POST, { token: admin, params: { id: created.json.id } })).json;
  key = issued.key;
  agent = { ...asAgent(created.json.id, "chatty-bot"), keyId: issued.id };
});

it("limits filings per key with 429 and Retry-After", async () => {
  const body = { scopes: ["tickets:write"], justification: "Closing duplicate tickets", durationSeconds: 300 };
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 7; i++) {
    const response = await call(requestsRoute.POST, { token: key, body });
    statuses.push(response.status);
    retryAfter ??= response.headers.get("retry-after");
  }
  expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});

it("draws on the same budget per key when the agent files through MCP", async () => {
  // The in-process MCP backend files with fileAccessRequest, as the API route does.
  const input = { scopes: ["tickets:write"], justification: "Closing duplicate tickets", durationSeconds: 300 };
  await expect(fileAccessRequest({ principal: agent, input })).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
});
