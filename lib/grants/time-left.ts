import type { GrantDto } from "./schemas";
import { grantStateAt } from "./grant-state-at";

/** Under these many seconds a live grant's bar turns amber, then red. */
export const TIME_LEFT_WARNING_SECONDS = 5 * 60;
export const TIME_LEFT_CRITICAL_SECONDS = 60;

export type TimeLeftUrgency = "ok" | "warning" | "critical";

export interface TimeLeft {
  remainingSeconds: number;
  totalSeconds: number;
  /** 0..1: the share of the grant's lifetime still ahead. */
  fraction: number;
  urgency: TimeLeftUrgency;
}

/** What is left of a live grant at `now` (the browser's clock); null once it has expired or been revoked. */
export function timeLeftAt(grant: Pick<GrantDto, "status" | "startsAt" | "expiresAt" | "revokedAt">, now: number): TimeLeft | null {
  if (grantStateAt(grant, now) !== "ACTIVE") return null;
  const starts = new Date(grant.startsAt).getTime();
  const expires = new Date(grant.expiresAt).getTime();
  const totalSeconds = Math.max(1, Math.round((expires - starts) / 1000));
  const remainingSeconds = Math.max(0, Math.min(totalSeconds, Math.ceil((expires - now) / 1000)));
  const urgency = remainingSeconds < TIME_LEFT_CRITICAL_SECONDS ? "critical" : remainingSeconds < TIME_LEFT_WARNING_SECONDS ? "warning" : "ok";
  return { remainingSeconds, totalSeconds, fraction: remainingSeconds / totalSeconds, urgency };
}
