import type { BatonClient } from "@/lib/client/baton-client";
import type { CurrentState } from "./plan-config";

/** Baton's configuration as the file describes it, read over the admin API. */
export async function readCurrentState(client: BatonClient): Promise<CurrentState> {
  const [groups, resourceServers, scopes, agents] = await Promise.all([
    client.listGroups(),
    client.listResourceServers(),
    client.listScopes(),
    client.listAgents(),
  ]);
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
      tags: [],
    })),
    agents: agents.map((agent) => ({
      id: agent.id,
      name: agent.name,
      description: agent.description,
      owner: agent.owner.email.toLowerCase(),
      eligibleScopes: [...agent.eligibleScopes].sort(),
      tags: [],
      disabled: agent.status === "DISABLED",
    })),
    schedules: null,
    policy: null,
    tags: false,
  };
}

const emailsOf = (members: { email: string }[]) => members.map((member) => member.email.toLowerCase()).sort();
