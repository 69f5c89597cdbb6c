import type { Tx } from "@/lib/db";

/** Who asserted a membership: set in Baton, or by the identity provider at sign-in. */
export type MembershipSource = "local" | "oidc";

export interface MembershipChange {
  added: string[];
  removed: string[];
}

/**
 * Makes the person's memberships from `source` exactly `groups`, inside the caller's transaction.
 * Memberships from any other source are never removed, and a group already held through another
 * source stays as it is: the SSO sync cannot undo an admin's choice, nor an admin the SSO's.
 */
export async function replaceGroupMemberships(
  tx: Tx,
  input: { userId: string; groups: { id: string; name: string }[]; source: MembershipSource; at: Date },
): Promise<MembershipChange> {
  const current = await tx.groupMembership.findMany({ where: { userId: input.userId }, include: { group: { select: { name: true } } } });
  const wanted = new Set(input.groups.map((group) => group.id));
  const held = new Set(current.map((membership) => membership.groupId));
  const removed = current.filter((membership) => membership.source === input.source && !wanted.has(membership.groupId));
  const added = input.groups.filter((group) => !held.has(group.id));
  if (removed.length)
    await tx.groupMembership.deleteMany({
      where: { userId: input.userId, source: input.source, groupId: { in: removed.map((membership) => membership.groupId) } },
    });
  if (added.length)
    await tx.groupMembership.createMany({
      data: added.map((group) => ({ groupId: group.id, userId: input.userId, source: input.source, createdAt: input.at })),
    });
  return { added: added.map((group) => group.name).sort(), removed: removed.map((membership) => membership.group.name).sort() };
}
