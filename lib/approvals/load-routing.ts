import type { Tx } from "@/lib/db";

/**
 * Who may decide a request: for each requested scope, the members of its approver group (scopes
 * without a group are decided by admins). Read inside the deciding transaction.
 */
export async function loadRouting(tx: Tx, scopeKeys: string[]) {
  const scopes = await tx.scope.findMany({
    where: { key: { in: scopeKeys } },
    include: { approverGroup: { include: { members: { include: { user: true } } } } },
  });
  const admins = new Set((await tx.user.findMany({ where: { role: "ADMIN", disabled: false }, select: { id: true } })).map((u) => u.id));
  const membersByGroup = new Map<string | null, Set<string>>([[null, admins]]);
  for (const scope of scopes)
    if (scope.approverGroup)
      membersByGroup.set(scope.approverGroup.id, new Set(scope.approverGroup.members.filter((m) => !m.user.disabled).map((m) => m.userId)));
  const membersOf = (groupId: string | null) => membersByGroup.get(groupId) ?? new Set<string>();
  const eligibleApprovers = new Set(scopes.flatMap((scope) => [...membersOf(scope.approverGroupId)]));
  return { scopes, membersOf, eligibleApprovers };
}
