import { grantStateAt } from "@/lib/grants/grant-state-at";

export interface HeldGrant {
  id: string;
  scopes: string[];
  onBehalfOf: string | null;
  status: "ACTIVE" | "EXPIRED" | "REVOKED";
  startsAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface ScopeExposure {
  scope: string;
  /** Emails of the people the agent holds it for; null = for itself. */
  onBehalfOf: (string | null)[];
  /** The latest expiry among the grants holding it: until then the agent has it. */
  until: string;
  grants: number;
}

/**
 * The authority an agent holds at `now`: every scope of its active grants, for whom and until when.
 * Pure, so the agent page recomputes it every second and a grant drops out the instant it expires.
 */
export function standingExposure(grants: HeldGrant[], now: number) {
  const held = grants.filter((grant) => grantStateAt(grant, now) === "ACTIVE");
  const byScope = new Map<string, ScopeExposure>();
  for (const grant of held)
    for (const scope of grant.scopes) {
      const entry = byScope.get(scope) ?? { scope, onBehalfOf: [], until: grant.expiresAt, grants: 0 };
      entry.grants += 1;
      if (!entry.onBehalfOf.includes(grant.onBehalfOf)) entry.onBehalfOf.push(grant.onBehalfOf);
      if (grant.expiresAt > entry.until) entry.until = grant.expiresAt;
      byScope.set(scope, entry);
    }
  const scopes = [...byScope.values()].sort((a, b) => a.scope.localeCompare(b.scope));
  return { activeGrants: held.length, scopes, until: scopes.reduce<string | null>((latest, s) => (latest && latest > s.until ? latest : s.until), null) };
}
