import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import * as agentsRoute from "@/app/api/v1/admin/agents/route";
import * as groupsRoute from "@/app/api/v1/admin/groups/route";
import * as scopesRoute from "@/app/api/v1/admin/scopes/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import { manualClock } from "@/lib/kernel/clock";
import { fileRequest } from "@/lib/requests/file-request";
import { asAgent, call, ensureAdmin } from "./api-helpers";

// Webhook secrets are sealed; on PostgreSQL there is no temporary data directory to generate the key into.
if (process.env.DATABASE_URL) process.env.BATON_SECRET_KEY ??= "integration-tests-key-encryption-secret-0123456789";

export interface JobWorld {
  admin: string;
  agentId: string;
  groupId: string;
}

/** An admin, an approver group, an auto-approved scope, a scope its group must approve, and an agent eligible for both. */
export async function setUpJobWorld(): Promise<JobWorld> {
  const admin = await ensureAdmin();
  expect(
    (await call(usersRoute.POST, { token: admin, body: { email: "alice@example.com", name: "Alice", role: "APPROVER", password: "alice password 1" } })).status,
  ).toBe(201);
  const group = await call(groupsRoute.POST, { token: admin, body: { name: "ops-approvers", memberEmails: ["alice@example.com"] } });
  expect(group.status).toBe(201);
  for (const scope of [
    { key: "logs.read", risk: "LOW", maxDurationSeconds: 7200, autoApprove: true },
    { key: "db.write", risk: "HIGH", maxDurationSeconds: 3600, approverGroup: "ops-approvers" },
  ])
    expect((await call(scopesRoute.POST, { token: admin, body: scope })).status).toBe(201);
  const agent = await call(agentsRoute.POST, {
    token: admin,
    body: { name: "ops-bot", ownerEmail: "admin@example.com", eligibleScopes: ["logs.read", "db.write"] },
  });
  expect(agent.status).toBe(201);
  return { admin, agentId: agent.json.id, groupId: group.json.id };
}

/** Files a request as if at `at` (so its grant or lapse time can already lie in the past). */
export async function fileAt(agentId: string, at: Date, input: { scopes: string[]; durationSeconds: number; onBehalfOf?: string }) {
  const { request } = await fileRequest({
    principal: asAgent(agentId),
    input: { justification: "Rotating the nightly batch credentials", ...input },
    clock: manualClock(at),
  });
  return request;
}

export interface ReceivedCall {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local HTTP receiver on a free port; `respond` picks each answer's status (200 by default). */
export async function startReceiver(respond: (call: ReceivedCall, index: number) => number = () => 200) {
  const calls: ReceivedCall[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const received = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      calls.push(received);
      response.writeHead(respond(received, calls.length - 1)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
