import type { ApproverGroup, ResourceServer, Scope } from "@/lib/generated/prisma/client";
import type { ScopeDto } from "./schemas";

export const scopeInclude = { approverGroup: true, resourceServer: true } as const;

export function toScopeDto(scope: Scope & { approverGroup: ApproverGroup | null; resourceServer: ResourceServer | null }): ScopeDto {
  return {
    id: scope.id,
    key: scope.key,
    description: scope.description,
    risk: scope.risk,
    maxDurationSeconds: scope.maxDurationSeconds,
    approvalsRequired: scope.approvalsRequired,
    approverGroup: scope.approverGroup?.name ?? null,
    autoApprove: scope.autoApprove,
    resourceServer: scope.resourceServer?.audience ?? null,
    tags: scope.tags,
    createdAt: scope.createdAt.toISOString(),
    updatedAt: scope.updatedAt.toISOString(),
  };
}
