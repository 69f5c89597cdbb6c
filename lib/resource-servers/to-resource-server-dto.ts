import type { ResourceServer, Scope } from "@/lib/generated/prisma/client";
import type { ResourceServerDto } from "./schemas";

export const resourceServerInclude = { scopes: { select: { key: true }, orderBy: { key: "asc" } } } as const;

export function toResourceServerDto(server: ResourceServer & { scopes: Pick<Scope, "key">[] }, now: Date): ResourceServerDto {
  const previousStillAccepted = server.previousSecretExpiresAt && server.previousSecretExpiresAt > now;
  return {
    id: server.id,
    name: server.name,
    audience: server.audience,
    secretPrefix: server.secretPrefix,
    previousSecret: previousStillAccepted ? { prefix: server.previousSecretPrefix ?? "", acceptedUntil: server.previousSecretExpiresAt!.toISOString() } : null,
    scopes: server.scopes.map((scope) => scope.key),
    createdAt: server.createdAt.toISOString(),
    revokedAt: server.revokedAt?.toISOString() ?? null,
  };
}
