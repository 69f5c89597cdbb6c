/**
 * N-of-M across groups: every group needs `required` distinct approvers from its members, and one
 * person counts once even when they sit in several groups. That is a bipartite matching of approvers
 * to group seats; the quorum is met when every seat is filled.
 */
export interface GroupRequirement {
  groupId: string;
  /** How people know the group: its name, or "admins" for scopes without one. */
  name: string;
  required: number;
  memberIds: ReadonlySet<string>;
}

/** Which approvers fill each group's seats (a maximum matching): per group id, the approvers holding its seats. */
export function fillSeats(requirements: GroupRequirement[], approverIds: readonly string[]): Map<string, string[]> {
  const seats = requirements.flatMap((requirement) => Array.from({ length: requirement.required }, () => requirement));
  const holderOf: (string | undefined)[] = Array(seats.length).fill(undefined);

  const assign = (approver: string, visited: Set<number>): boolean => {
    for (let seat = 0; seat < seats.length; seat++) {
      if (visited.has(seat) || !seats[seat]!.memberIds.has(approver)) continue;
      visited.add(seat);
      const holder = holderOf[seat];
      if (holder === undefined || assign(holder, visited)) {
        holderOf[seat] = approver;
        return true;
      }
    }
    return false;
  };

  for (const approver of new Set(approverIds)) assign(approver, new Set());
  const filled = new Map(requirements.map((requirement) => [requirement.groupId, [] as string[]]));
  holderOf.forEach((holder, seat) => holder !== undefined && filled.get(seats[seat]!.groupId)!.push(holder));
  return filled;
}

export function quorumMet(requirements: GroupRequirement[], approverIds: readonly string[]): boolean {
  const filled = fillSeats(requirements, approverIds);
  return requirements.every((requirement) => filled.get(requirement.groupId)!.length >= requirement.required);
}

/** Per group, the most approvals any of its scopes demands: one set of approvals covers all of that group's scopes. */
export function requirementsFor(
  scopes: { approverGroupId: string | null; approverGroupName?: string | null; approvalsRequired: number }[],
  membersOf: (groupId: string | null) => ReadonlySet<string>,
): GroupRequirement[] {
  const byGroup = new Map<string, GroupRequirement>();
  for (const scope of scopes) {
    const key = scope.approverGroupId ?? "admins";
    const current = byGroup.get(key);
    if (!current)
      byGroup.set(key, {
        groupId: key,
        name: scope.approverGroupName ?? (scope.approverGroupId ? key : "admins"),
        required: scope.approvalsRequired,
        memberIds: membersOf(scope.approverGroupId),
      });
    else current.required = Math.max(current.required, scope.approvalsRequired);
  }
  return [...byGroup.values()];
}
