import { prisma } from "@/lib/db";
import { requireAdmin, type PersonActor } from "@/lib/auth/actor";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { toUserSummary, userSummaryInclude, type UserSummary } from "./user-summary";

/** Everyone with a Baton account, for the admins who manage them; `asOf` anchors the relative times shown. */
export async function listUsers(options: { actor: PersonActor; clock?: Clock }): Promise<{ asOf: string; users: UserSummary[] }> {
  requireAdmin(options.actor);
  const now = (options.clock ?? systemClock).now();
  const users = await prisma.user.findMany({ include: userSummaryInclude, orderBy: { email: "asc" } });
  return { asOf: now.toISOString(), users: users.map(toUserSummary) };
}
