import type { SigningKey } from "@/lib/generated/prisma/client";
import type { SigningKeyDto } from "./schemas";

export function toSigningKeyDto(key: SigningKey, now: Date): SigningKeyDto {
  const state = key.activatedAt === null ? "next" : key.retiredAt === null ? "active" : key.expiresAt && key.expiresAt <= now ? "expired" : "retired";
  return {
    kid: key.kid,
    algorithm: key.algorithm,
    state,
    createdAt: key.createdAt.toISOString(),
    activatedAt: key.activatedAt?.toISOString() ?? null,
    retiredAt: key.retiredAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
  };
}
