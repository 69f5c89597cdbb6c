import { effectiveGrantState } from "@/lib/grants/grant-validity";
import type { GrantDto } from "@/lib/grants/schemas";

/** The grant's status at `now` in the browser, so an active grant shows expired the moment it passes expiry, before any refetch. */
export function grantStateAt(grant: Pick<GrantDto, "status" | "startsAt" | "expiresAt" | "revokedAt">, now: number): "ACTIVE" | "EXPIRED" | "REVOKED" {
  const state = effectiveGrantState(
    {
      status: grant.status,
      startsAt: new Date(grant.startsAt),
      expiresAt: new Date(grant.expiresAt),
      revokedAt: grant.revokedAt ? new Date(grant.revokedAt) : null,
    },
    new Date(now),
  );
  return state === "NOT_STARTED" ? "ACTIVE" : state;
}
