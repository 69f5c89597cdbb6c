import { prisma, type Tx } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { OnCallDto } from "./schemas";

/** A shift counts while it has no end or its end is still ahead. */
export const liveShiftWhere = (at: Date) => ({ OR: [{ until: null }, { until: { gt: at } }] });

export async function readOnCall(tx: Tx, groupId: string, at: Date): Promise<OnCallDto> {
  const group = await tx.approverGroup.findUnique({
    where: { id: groupId },
    // A person removed from the group, or disabled, is no longer on call for it.
    include: {
      onCall: {
        where: { ...liveShiftWhere(at), user: { disabled: false, memberships: { some: { groupId } } } },
        include: { user: true },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  if (!group) throw notFound("The approver group");
  return {
    groupId: group.id,
    groupName: group.name,
    onCall: group.onCall.map((shift) => ({
      id: shift.user.id,
      email: shift.user.email,
      name: shift.user.name,
      until: shift.until?.toISOString() ?? null,
      source: shift.source,
    })),
  };
}

/** Who is on call for one group now; not secret to signed-in people, so callers authenticate first. */
export async function getOnCall(options: { groupId: string; clock?: Clock }): Promise<OnCallDto> {
  return readOnCall(prisma, options.groupId, (options.clock ?? systemClock).now());
}
