import type { Prisma } from "@/lib/generated/prisma/client";
import type { GrantStatus } from "@/lib/generated/prisma/enums";

/**
 * The one rule for "this grant is live now": status ACTIVE, never revoked, and startsAt ≤ now < expiresAt.
 * Times are compared at the moment of use, so a grant past its expiry is dead even if no background job
 * has marked it EXPIRED yet. The Prisma and SQL forms below say the same thing to the database; the
 * property test tests/integration/live-grant-rule.test.ts proves the three select the same grants.
 *
 * "Live or upcoming" drops the startsAt bound: what may still become or be live (the decision index holds
 * it and compares startsAt at decision time; a revoke may end it before it starts).
 */
export interface LiveGrantFields {
  status: GrantStatus;
  startsAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** The time half of the rule, for grants whose status and revocation a query has already checked. */
export function isWithinGrantWindow(grant: Pick<LiveGrantFields, "startsAt" | "expiresAt">, now: Date): boolean {
  return grant.startsAt.getTime() <= now.getTime() && now.getTime() < grant.expiresAt.getTime();
}

export function isGrantLiveOrUpcoming(grant: LiveGrantFields, now: Date): boolean {
  return grant.status === "ACTIVE" && grant.revokedAt === null && now.getTime() < grant.expiresAt.getTime();
}

export function isGrantLive(grant: LiveGrantFields, now: Date): boolean {
  return isGrantLiveOrUpcoming(grant, now) && isWithinGrantWindow(grant, now);
}

export function liveOrUpcomingGrantWhere(now: Date): Prisma.GrantWhereInput {
  return { status: "ACTIVE", revokedAt: null, expiresAt: { gt: now } };
}

export function liveGrantWhere(now: Date): Prisma.GrantWhereInput {
  return { ...liveOrUpcomingGrantWhere(now), startsAt: { lte: now } };
}

// Timestamps are stored without a zone, in UTC: converting the instant in SQL keeps the session's TimeZone out of it.
const utcInstant = (nowParam: string) => `(${nowParam}::timestamptz AT TIME ZONE 'UTC')`;

/** `alias` names the "Grant" row in the query; `nowParam` is the placeholder bound to the instant as an ISO string (e.g. `$1`). */
export function liveOrUpcomingGrantSql(alias: string, nowParam: string): string {
  return `${alias}.status = 'ACTIVE' AND ${alias}."revokedAt" IS NULL AND ${alias}."expiresAt" > ${utcInstant(nowParam)}`;
}

export function liveGrantSql(alias: string, nowParam: string): string {
  return `${liveOrUpcomingGrantSql(alias, nowParam)} AND ${alias}."startsAt" <= ${utcInstant(nowParam)}`;
}
