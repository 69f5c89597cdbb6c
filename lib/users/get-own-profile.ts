import { prisma } from "@/lib/db";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { notFound } from "@/lib/kernel/errors";
import { toUserSummary, userSummaryInclude, type UserSummary } from "./user-summary";

/** The acting person's own account, as their profile page shows it. */
export async function getOwnProfile(options: { principal: PersonPrincipal }): Promise<UserSummary> {
  const user = await prisma.user.findUnique({ where: { id: options.principal.userId }, include: userSummaryInclude });
  if (!user) throw notFound("Your account");
  return toUserSummary(user);
}
