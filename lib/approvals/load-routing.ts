import type { Tx } from "@/lib/db";
import { routedScopesOf } from "./routed-scopes";

/**
 * Who may decide a request: for each of its routes (the groups its policies named at filing, or its
 * scopes' catalog groups for older requests), the current members of that group; admins where the route
 * names none. Read inside the deciding transaction.
 */
export async function loadRouting(tx: Tx, request: { requestedScopes: string[]; routing: unknown }) {
  const scopes = await tx.scope.findMany({ where: { key: { in: request.requestedScopes } }, include: { approverGroup: true } });
  const byKey = new Map(scopes.map((scope) => [scope.key, scope]));
  const routed = routedScopesOf(request, (key) => {
    const scope = byKey.get(key);
    return (
      scope && { approverGroupId: scope.approverGroupId, approverGroupName: scope.approverGroup?.name ?? null, approvalsRequired: scope.approvalsRequired }
    );
  });
  const groupIds = [...new Set(routed.flatMap((route) => (route.approverGroupId ? [route.approverGroupId] : [])))];
  const [groups, admins] = await Promise.all([
    tx.approverGroup.findMany({ where: { id: { in: groupIds } }, include: { members: { include: { user: true } } } }),
    tx.user.findMany({ where: { role: "ADMIN", disabled: false }, select: { id: true } }),
  ]);
  const membersByGroup = new Map<string | null, Set<string>>([[null, new Set(admins.map((u) => u.id))]]);
  for (const group of groups) membersByGroup.set(group.id, new Set(group.members.filter((m) => !m.user.disabled).map((m) => m.userId)));
  const membersOf = (groupId: string | null) => membersByGroup.get(groupId) ?? new Set<string>();
  const eligibleApprovers = new Set(routed.flatMap((route) => [...membersOf(route.approverGroupId)]));
  const stepUp = scopes.some((scope) => scope.risk === "CRITICAL") || routed.some((route) => route.stepUp);
  return { scopes, routed, membersOf, eligibleApprovers, stepUp };
}
