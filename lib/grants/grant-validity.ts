import { isGrantLive, type LiveGrantFields } from "@/lib/kernel/live-grant";

export type GrantTimes = LiveGrantFields;

export type EffectiveGrantState = "ACTIVE" | "NOT_STARTED" | "EXPIRED" | "REVOKED";

/**
 * What a grant is at `now`, from its own fields alone: a grant past its expiry is expired even if no
 * background job has marked it yet. "ACTIVE" here is exactly isGrantLive (lib/kernel/live-grant.ts);
 * the other states say why it is not, for messages and badges.
 */
export function effectiveGrantState(grant: GrantTimes, now: Date): EffectiveGrantState {
  if (grant.status === "REVOKED" || grant.revokedAt !== null) return "REVOKED";
  if (grant.status === "EXPIRED" || now.getTime() >= grant.expiresAt.getTime()) return "EXPIRED";
  if (now.getTime() < grant.startsAt.getTime()) return "NOT_STARTED";
  return "ACTIVE";
}

export function secondsRemaining(grant: GrantTimes, now: Date): number {
  if (!isGrantLive(grant, now)) return 0;
  return Math.max(0, Math.floor((grant.expiresAt.getTime() - now.getTime()) / 1000));
}
