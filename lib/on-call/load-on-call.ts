import { prisma } from "@/lib/db";
import { onCallAt, type OnCallShiftRow } from "./on-call-at";

/**
 * Every on-call shift that can still count (no end, or ending after `from`), of active people who are
 * still members of the group. For a cache evaluated in memory with `onCallAt`: reload it on a change of
 * subject kind `group` (`group.on_call_changed`, membership changes) or `user` from the change feed.
 */
export async function loadOnCallShifts(from: Date): Promise<OnCallShiftRow[]> {
  const shifts = await prisma.onCallShift.findMany({
    where: { OR: [{ until: null }, { until: { gt: from } }], user: { disabled: false } },
    select: { userId: true, until: true, group: { select: { name: true, members: { select: { userId: true } } } } },
  });
  return shifts
    .filter((shift) => shift.group.members.some((member) => member.userId === shift.userId))
    .map((shift) => ({ groupName: shift.group.name, userId: shift.userId, until: shift.until }));
}

/**
 * Who is on call at `at`, per approver group name: what a policy's context reads. A shift past its
 * `until`, a person no longer a member of the group, and a disabled person do not count; a group with
 * nobody on call is absent.
 */
export async function loadOnCall(at: Date): Promise<Map<string, Set<string>>> {
  return onCallAt(await loadOnCallShifts(at), at);
}
