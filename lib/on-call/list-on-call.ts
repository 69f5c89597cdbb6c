import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { liveShiftWhere } from "./get-on-call";
import type { OnCallDto } from "./schemas";

/** Who is on call now in every group, by group id, for the groups page; callers authenticate first. */
export async function listOnCall(options: { clock?: Clock } = {}): Promise<Map<string, OnCallDto["onCall"]>> {
  const shifts = await prisma.onCallShift.findMany({
    where: { ...liveShiftWhere((options.clock ?? systemClock).now()), user: { disabled: false } },
    include: { user: { include: { memberships: { select: { groupId: true } } } } },
    orderBy: { user: { name: "asc" } },
  });
  const byGroup = new Map<string, OnCallDto["onCall"]>();
  for (const shift of shifts) {
    // A person removed from the group is no longer on call for it.
    if (!shift.user.memberships.some((membership) => membership.groupId === shift.groupId)) continue;
    const people = byGroup.get(shift.groupId) ?? [];
    people.push({ id: shift.user.id, email: shift.user.email, name: shift.user.name, until: shift.until?.toISOString() ?? null, source: shift.source });
    byGroup.set(shift.groupId, people);
  }
  return byGroup;
}
