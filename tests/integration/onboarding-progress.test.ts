import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createAgent } from "@/lib/agents/create-agent";
import { issueAgentKey } from "@/lib/agents/issue-agent-key";
import { revokeAgentKey } from "@/lib/agents/revoke-agent-key";
import { decideRequest } from "@/lib/approvals/decide-request";
import { createGroup } from "@/lib/groups/create-group";
import { newId } from "@/lib/kernel/ids";
import { fileRequest } from "@/lib/requests/file-request";
import { createScope } from "@/lib/scopes/create-scope";
import { getOnboardingProgress, type OnboardingStep } from "@/lib/setup/get-onboarding-progress";
import { createUser } from "@/lib/users/create-user";
import { asAgent } from "./api-helpers";

const admin = { kind: "person" as const, userId: "", role: "ADMIN" as const };
const BASE_URL = "http://baton.example:8080/";

const progress = () => getOnboardingProgress({ principal: admin, baseUrl: BASE_URL });
const doneSteps = async () =>
  Object.entries((await progress()).done)
    .filter(([, done]) => done)
    .map(([step]) => step as OnboardingStep);

async function scope(key: string, extra: { approverGroup?: string; autoApprove?: boolean; maxDurationSeconds?: number } = {}) {
  await createScope({
    principal: admin,
    input: {
      key,
      description: "",
      risk: "LOW",
      maxDurationSeconds: extra.maxDurationSeconds ?? 7200,
      approvalsRequired: 1,
      autoApprove: extra.autoApprove ?? false,
      approverGroup: extra.approverGroup,
    },
  });
}

beforeAll(async () => {
  admin.userId = (
    await prisma.user.create({ data: { id: newId("user"), email: "grace@example.com", name: "Grace", role: "ADMIN", sessionsValidAfter: new Date(0) } })
  ).id;
});

describe("getOnboardingProgress", () => {
  it("walks an admin from an empty installation to a first approved request, counting only what leads there", async () => {
    expect(await progress()).toEqual({
      done: { group: false, scope: false, owner: false, agent: false, key: false, request: false, approval: false },
      complete: false,
      agent: null,
      pendingRequestId: null,
      command: null,
    });

    // A group without the admin in it is no way for them to approve anything.
    await createGroup({ principal: admin, input: { name: "others", description: "", memberEmails: [] } });
    expect(await doneSteps()).toEqual([]);
    await createGroup({ principal: admin, input: { name: "platform", description: "", memberEmails: ["grace@example.com"] } });
    expect(await doneSteps()).toEqual(["group"]);

    // Auto-approved scopes never reach the inbox, and scopes routed to someone else's group are not the admin's to approve.
    await scope("logs:read", { autoApprove: true });
    await scope("billing:write", { approverGroup: "others" });
    expect(await doneSteps()).toEqual(["group"]);
    await scope("deploy:write", { approverGroup: "platform", maxDurationSeconds: 600 });
    const withScope = await progress();
    expect(withScope.done.scope).toBe(true);
    expect(withScope.command).toBe(
      "BATON_URL=http://baton.example:8080 npx baton request --scope deploy:write --for 10m --reason 'My first request through Baton' --wait 10m",
    );

    // Nobody approves requests from an agent they own: an agent of the admin's own does not count.
    await createAgent({ principal: admin, input: { name: "own-bot", description: "", ownerEmail: "grace@example.com", eligibleScopes: ["deploy:write"] } });
    expect(await doneSteps()).toEqual(["group", "scope"]);
    await createUser({ principal: admin, input: { email: "olivia@example.com", name: "Olivia", role: "VIEWER" }, baseUrl: BASE_URL });
    expect(await doneSteps()).toEqual(["group", "scope", "owner"]);
    await createAgent({
      principal: admin,
      input: { name: "logs-bot", description: "", ownerEmail: "olivia@example.com", eligibleScopes: ["logs:read", "billing:write"] },
    });
    expect((await progress()).agent).toBeNull();
    const agent = await createAgent({
      principal: admin,
      input: { name: "ops-bot", description: "", ownerEmail: "olivia@example.com", eligibleScopes: ["deploy:write"] },
    });
    expect(await progress()).toMatchObject({ done: { agent: true, key: false }, agent: { id: agent.id, name: "ops-bot" } });

    // A revoked key authenticates nothing.
    const revoked = await issueAgentKey({ principal: admin, agentId: agent.id });
    await revokeAgentKey({ principal: admin, agentId: agent.id, keyId: revoked.id });
    expect((await progress()).done.key).toBe(false);
    await issueAgentKey({ principal: admin, agentId: agent.id });
    expect(await doneSteps()).toEqual(["group", "scope", "owner", "agent", "key"]);

    const { request } = await fileRequest({
      principal: asAgent(agent.id),
      input: { scopes: ["deploy:write"], justification: "My first request through Baton", durationSeconds: 600 },
    });
    expect(await progress()).toMatchObject({ done: { request: true, approval: false }, complete: false, pendingRequestId: request.id });

    await decideRequest({ principal: { ...admin, authTime: new Date() }, requestId: request.id, decision: { kind: "approve", comment: "" } });
    expect(await progress()).toMatchObject({
      done: { group: true, scope: true, owner: true, agent: true, key: true, request: true, approval: true },
      complete: true,
      pendingRequestId: null,
    });
  });

  it("is for admins only", async () => {
    await expect(
      getOnboardingProgress({ principal: { kind: "person" as const, userId: admin.userId, role: "APPROVER" }, baseUrl: BASE_URL }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
