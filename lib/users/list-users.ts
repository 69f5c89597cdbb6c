import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { toUserSummary, userSummaryInclude, type UserSummary } from "./user-summary";

/** Everyone with a Baton account, for the admins who manage them; `asOf` anchors the relative times shown. */
export async function listUsers(options: { principal: PersonPrincipal; clock?: Clock }): Promise<{ asOf: string; users: UserSummary[] }> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const users = await prisma.user.findMany({ include: userSummaryInclude, orderBy: { email: "asc" } });
  return { asOf: now.toISOString(), users: users.map(toUserSummary) };
}
