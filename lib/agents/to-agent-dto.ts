import type { Agent, AgentEligibleScope, AgentKey, Scope, User } from "@/lib/generated/prisma/client";
import type { AgentDto, AgentKeyDto } from "./schemas";

export const agentInclude = { owner: true, eligibleScopes: { include: { scope: true } } } as const;

export function toAgentDto(agent: Agent & { owner: User; eligibleScopes: (AgentEligibleScope & { scope: Scope })[] }): AgentDto {
  return {
    id: agent.id,
    name: agent.name,
    description: agent.description,
    owner: { id: agent.owner.id, email: agent.owner.email, name: agent.owner.name },
    status: agent.status,
    eligibleScopes: agent.eligibleScopes.map((eligible) => eligible.scope.key).sort(),
    tags: agent.tags,
    createdAt: agent.createdAt.toISOString(),
    disabledAt: agent.disabledAt?.toISOString() ?? null,
  };
}

export function toAgentKeyDto(key: AgentKey): AgentKeyDto {
  return {
    id: key.id,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
