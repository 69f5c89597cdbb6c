import type { ApproverGroup, Scope } from "@/lib/generated/prisma/client";
import type { ScopeDto } from "./schemas";

export function toScopeDto(scope: Scope & { approverGroup: ApproverGroup | null }): ScopeDto {
  return {
    id: scope.id,
    key: scope.key,
    description: scope.description,
    risk: scope.risk,
    maxDurationSeconds: scope.maxDurationSeconds,
    approvalsRequired: scope.approvalsRequired,
    approverGroup: scope.approverGroup?.name ?? null,
    autoApprove: scope.autoApprove,
    createdAt: scope.createdAt.toISOString(),
    updatedAt: scope.updatedAt.toISOString(),
  };
}
