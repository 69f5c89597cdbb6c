import type { PersonalToken } from "@/lib/generated/prisma/client";
import type { PersonalTokenDto } from "./schemas";

export function toPersonalTokenDto(token: PersonalToken): PersonalTokenDto {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
