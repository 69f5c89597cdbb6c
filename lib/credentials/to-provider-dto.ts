import type { CredentialProvider } from "@/lib/generated/prisma/client";
import { namePrefixOf, type StoredConnection } from "./open-provider-driver";
import type { ProviderKind } from "./privilege-grammar";
import type { CredentialProviderDto } from "./schemas";

export const providerInclude = { scopes: { select: { key: true } } } as const;

export function toProviderDto(
  provider: CredentialProvider & { scopes: { key: string }[] },
  counts: { active: number; cleanupPending: number } = { active: 0, cleanupPending: 0 },
): CredentialProviderDto {
  const connection = provider.connection as unknown as StoredConnection;
  return {
    id: provider.id,
    name: provider.name,
    kind: provider.kind as ProviderKind,
    connection: {
      host: connection.host,
      port: connection.port,
      user: connection.user,
      ...(connection.database !== undefined && { database: connection.database }),
      ...(connection.managementUrl !== undefined && { managementUrl: connection.managementUrl }),
      hasPassword: provider.secretSealed !== null,
    },
    namePrefix: namePrefixOf(provider),
    scopes: provider.scopes.map((scope) => scope.key).sort(),
    activeCredentials: counts.active,
    cleanupPending: counts.cleanupPending,
    lastCheckedAt: provider.lastCheckedAt?.toISOString() ?? null,
    lastCheckError: provider.lastCheckError,
    createdAt: provider.createdAt.toISOString(),
  };
}
