/**
 * N-of-M across groups: every group needs `required` distinct approvers from its members, and one
 * person counts once even when they sit in several groups. That is a bipartite matching of approvers
 * to group seats; the quorum is met when every seat is filled.
 */
export interface GroupRequirement {
  groupId: string;
  required: number;
  memberIds: ReadonlySet<string>;
}

export function quorumMet(requirements: GroupRequirement[], approverIds: readonly string[]): boolean {
  const seats = requirements.flatMap((requirement) => Array.from({ length: requirement.required }, () => requirement));
  const seatOf = new Map<string, number>(); // approver → seat index
  const holderOf: (string | undefined)[] = Array(seats.length).fill(undefined);

  const assign = (approver: string, visited: Set<number>): boolean => {
    for (let seat = 0; seat < seats.length; seat++) {
      if (visited.has(seat) || !seats[seat]!.memberIds.has(approver)) continue;
      visited.add(seat);
      const holder = holderOf[seat];
      if (holder === undefined || assign(holder, visited)) {
        holderOf[seat] = approver;
        seatOf.set(approver, seat);
        return true;
      }
    }
    return false;
  };

  for (const approver of new Set(approverIds)) assign(approver, new Set());
  return holderOf.every((holder) => holder !== undefined);
}

/** Per group, the most approvals any of its scopes demands: one set of approvals covers all of that group's scopes. */
export function requirementsFor(scopes: { approverGroupId: string | null; approvalsRequired: number }[], membersOf: (groupId: string | null) => ReadonlySet<string>): GroupRequirement[] {
  const byGroup = new Map<string, GroupRequirement>();
  for (const scope of scopes) {
    const key = scope.approverGroupId ?? "admins";
    const current = byGroup.get(key);
    if (!current) byGroup.set(key, { groupId: key, required: scope.approvalsRequired, memberIds: membersOf(scope.approverGroupId) });
    else current.required = Math.max(current.required, scope.approvalsRequired);
  }
  return [...byGroup.values()];
}
