import { prisma } from "@/lib/db";
import { liveShiftWhere } from "./get-on-call";

/**
 * Who is on call at `at`, per approver group name: what a policy's context reads. A shift past its
 * `until`, a person no longer a member of the group, and a disabled person do not count; a group with
 * nobody on call is absent.
 */
export async function loadOnCall(at: Date): Promise<Map<string, Set<string>>> {
  const live = { ...liveShiftWhere(at), user: { disabled: false } };
  const groups = await prisma.approverGroup.findMany({
    where: { onCall: { some: live } },
    select: { name: true, members: { select: { userId: true } }, onCall: { where: live, select: { userId: true } } },
  });
  const onCall = new Map<string, Set<string>>();
  for (const group of groups) {
    const members = new Set(group.members.map((member) => member.userId));
    const people = new Set(group.onCall.map((shift) => shift.userId).filter((userId) => members.has(userId)));
    if (people.size) onCall.set(group.name, people);
  }
  return onCall;
}
