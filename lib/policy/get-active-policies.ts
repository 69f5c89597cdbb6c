import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { Principal } from "@/lib/kernel/principal";
import { readActivePolicySet } from "./active-policy-set";
import { peopleById } from "./present-policy-proposals";
import type { ActivePolicySetDto } from "./review-schemas";

/** The active policy set with who wrote and approved it, when it became active and why. Admins only. */
export async function getActivePolicies(options: { principal: Principal; clock?: Clock }): Promise<ActivePolicySetDto> {
  requireAdmin(options.principal);
  const { version, policies } = await readActivePolicySet(prisma, (options.clock ?? systemClock).now());
  const people = await peopleById(prisma, [version.authorId, version.approvedById]);
  return {
    version: version.id,
    hash: version.hash,
    note: version.note,
    author: version.authorId ? (people.get(version.authorId) ?? null) : null,
    approvedBy: version.approvedById ? (people.get(version.approvedById) ?? null) : null,
    activatedAt: version.activatedAt.toISOString(),
    policies,
  };
}
