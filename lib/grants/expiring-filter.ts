import type { Prisma } from "@/lib/generated/prisma/client";
import { parseDuration } from "@/lib/kernel/duration";
import { statusFilter } from "./list-agent-grants";

/** Grants live now that expire within the window: the list the overview's "Expiring within 15 min" tile counts. */
export function expiringFilter(window: string | undefined, now: Date): Prisma.GrantWhereInput {
  const seconds = window === undefined ? null : parseDuration(window);
  if (seconds === null) return {};
  return { AND: [statusFilter("active", now), { expiresAt: { lte: new Date(now.getTime() + seconds * 1000) } }] };
}
