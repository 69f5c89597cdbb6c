import type { GrantStatus } from "@/lib/generated/prisma/enums";

export interface GrantTimes {
  status: GrantStatus;
  startsAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type EffectiveGrantState = "ACTIVE" | "NOT_STARTED" | "EXPIRED" | "REVOKED";

/**
 * What a grant is at `now`, from its own fields alone: a grant past its expiry is expired even if no
 * background job has marked it yet. Valid only while startsAt <= now < expiresAt.
 */
export function effectiveGrantState(grant: GrantTimes, now: Date): EffectiveGrantState {
  if (grant.status === "REVOKED" || grant.revokedAt !== null) return "REVOKED";
  if (grant.status === "EXPIRED" || now.getTime() >= grant.expiresAt.getTime()) return "EXPIRED";
  if (now.getTime() < grant.startsAt.getTime()) return "NOT_STARTED";
  return "ACTIVE";
}

export function isGrantActive(grant: GrantTimes, now: Date): boolean {
  return effectiveGrantState(grant, now) === "ACTIVE";
}

export function secondsRemaining(grant: GrantTimes, now: Date): number {
  if (!isGrantActive(grant, now)) return 0;
  return Math.max(0, Math.floor((grant.expiresAt.getTime() - now.getTime()) / 1000));
}
