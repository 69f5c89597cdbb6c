import { prisma } from "@/lib/db";
import type { ScopeRouting } from "./inbox-item";

/** The whole catalog's routing and group membership, read once per inbox render. */
export async function loadScopeRouting() {
  const [scopes, groups, admins] = await Promise.all([
    prisma.scope.findMany({ include: { approverGroup: true } }),
    prisma.approverGroup.findMany({ include: { members: { include: { user: { select: { disabled: true } } } } } }),
    prisma.user.findMany({ where: { role: "ADMIN", disabled: false }, select: { id: true } }),
  ]);
  const members = new Map<string | null, Set<string>>([[null, new Set(admins.map((a) => a.id))]]);
  for (const group of groups) members.set(group.id, new Set(group.members.filter((m) => !m.user.disabled).map((m) => m.userId)));
  const routing: ScopeRouting = new Map(
    scopes.map((s) => [
      s.key,
      {
        key: s.key,
        risk: s.risk,
        description: s.description,
        approverGroupId: s.approverGroupId,
        approverGroup: s.approverGroup?.name ?? null,
        approvalsRequired: s.approvalsRequired,
      },
    ]),
  );
  return { scopes: routing, membersOf: (groupId: string | null) => members.get(groupId) ?? new Set<string>() };
}
