import type { ApproverGroup, CredentialProvider, ResourceServer, Scope } from "@/lib/generated/prisma/client";
import type { ScopeDto } from "./schemas";

export const scopeInclude = { approverGroup: true, resourceServer: true, credentialProvider: true } as const;

export function toScopeDto(
  scope: Scope & { approverGroup: ApproverGroup | null; resourceServer: ResourceServer | null; credentialProvider?: CredentialProvider | null },
): ScopeDto {
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
    credentials: scope.credentialProvider ? { provider: scope.credentialProvider.name, privileges: scope.credentialPrivileges } : null,
    createdAt: scope.createdAt.toISOString(),
    updatedAt: scope.updatedAt.toISOString(),
  };
}
