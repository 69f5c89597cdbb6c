import { BatonApiError } from "@/lib/client/baton-api-error";
import type { BatonClient } from "@/lib/client/baton-client";
import type { CurrentState } from "./plan-config";

/** Baton's configuration as the file describes it, read over the admin API. */
export async function readCurrentState(client: BatonClient): Promise<CurrentState> {
  const [groups, resourceServers, scopes, agents, schedules] = await Promise.all([
    client.listGroups(),
    client.listResourceServers(),
    client.listScopes(),
    client.listAgents(),
    unlessMissing(client.listSchedules()),
  ]);
  const policy = await unlessMissing(readPolicies(client));
  return {
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      description: group.description,
      members: emailsOf(group.members.filter((member) => member.source === "local")),
      ssoMembers: emailsOf(group.members.filter((member) => member.source !== "local")),
    })),
    resourceServers: resourceServers.map((server) => ({ id: server.id, name: server.name, audience: server.audience, revoked: server.revokedAt !== null })),
    scopes: scopes.map((scope) => ({
      key: scope.key,
      description: scope.description,
      risk: scope.risk,
      maxDuration: scope.maxDurationSeconds,
      approvalsRequired: scope.approvalsRequired,
      approverGroup: scope.approverGroup,
      autoApprove: scope.autoApprove,
      resourceServer: scope.resourceServer,
      tags: scope.tags,
    })),
    agents: agents.map((agent) => ({
      id: agent.id,
      name: agent.name,
      description: agent.description,
      owner: agent.owner.email.toLowerCase(),
      eligibleScopes: [...agent.eligibleScopes].sort(),
      tags: [...agent.tags].sort(),
      disabled: agent.status === "DISABLED",
    })),
    schedules:
      schedules?.map(({ id, name, description, timezone, weeklyRules, oneOffWindows }) => ({ id, name, description, timezone, weeklyRules, oneOffWindows })) ??
      null,
    policy,
  };
}

const emailsOf = (members: { email: string }[]) => members.map((member) => member.email.toLowerCase()).sort();

/** The active set, and the policies of each pending proposal that can still be approved. */
async function readPolicies(client: BatonClient): Promise<NonNullable<CurrentState["policy"]>> {
  const [active, proposals] = await Promise.all([client.getActivePolicySet(), client.listPolicyProposals({ status: "pending" })]);
  const pending = await Promise.all(proposals.filter((proposal) => !proposal.stale).map((proposal) => client.getPolicyProposal(proposal.id)));
  return { active: active.policies, pending: pending.map(({ id, policies }) => ({ id, policies })) };
}

/** An older Baton without an endpoint answers 404: that part of the file is then refused by the plan, not the read. */
async function unlessMissing<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof BatonApiError && error.status === 404) return null;
    throw error;
  }
}
