import type { Prisma } from "@/lib/generated/prisma/client";
import { liveOrUpcomingGrantWhere } from "@/lib/kernel/live-grant";

/** Credentials whose principal still exists (or may) on the target although it must go: the grant ended, or it was rotated away. */
export function cleanupDueWhere(now: Date): Prisma.IssuedCredentialWhereInput {
  return { droppedAt: null, OR: [{ endedAt: { not: null } }, { grant: { NOT: liveOrUpcomingGrantWhere(now) } }] };
}

/** Credentials in force: issued, not ended, for a live grant. */
export function activeCredentialWhere(now: Date): Prisma.IssuedCredentialWhereInput {
  return { droppedAt: null, endedAt: null, issuedAt: { not: null }, grant: liveOrUpcomingGrantWhere(now) };
}
