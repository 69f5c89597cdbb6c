import { fillSeats, requirementsFor } from "./quorum";

/** A recorded decision, as much of it as counting needs. */
export interface Vote {
  approverId: string;
  decision: "APPROVE" | "DENY";
  narrowedScopes: string[];
  narrowedDurationSeconds: number | null;
}

/**
 * A requested scope's routing to one group: which group (null: admins) and how many of its members must
 * approve. A scope that policies route to several groups appears once per group.
 */
export interface RoutedScope {
  key: string;
  approverGroupId: string | null;
  approverGroupName: string | null;
  approvalsRequired: number;
  /** Approvers must have signed in recently (a policy's @stepup). */
  stepUp?: boolean;
}

/** Why an approval is on record but does not count: its author filed the request, or no longer sits in a group that decides it. */
export type NotCountedReason = "filed the request" | "no longer an approver";

export interface GroupProgress {
  group: string;
  required: number;
  had: number;
}

/**
 * Where a request stands, read from current membership: which approvals count toward the quorum, which
 * are on record but do not (the filer's own, or from someone since removed from the deciding groups or
 * disabled), the scopes and duration the counted approvals narrow it to, and what each group still owes.
 * The decision itself, the inbox and the request page all read this one answer.
 */
export function approvalProgress<V extends Vote>(options: {
  scopes: RoutedScope[];
  membersOf: (groupId: string | null) => ReadonlySet<string>;
  votes: readonly V[];
  filedById: string | null;
  requestedDurationSeconds: number;
}) {
  const { scopes, membersOf } = options;
  const approvers = new Set(requirementsFor(scopes, membersOf).flatMap((requirement) => [...requirement.memberIds]));
  const counted: V[] = [];
  const notCounted: { vote: V; reason: NotCountedReason }[] = [];
  for (const vote of options.votes) {
    if (vote.decision !== "APPROVE") continue;
    if (vote.approverId === options.filedById) notCounted.push({ vote, reason: "filed the request" });
    else if (!approvers.has(vote.approverId)) notCounted.push({ vote, reason: "no longer an approver" });
    else counted.push(vote);
  }

  const grantedScopes = [...new Set(scopes.map((scope) => scope.key))].filter((key) =>
    counted.every((vote) => vote.narrowedScopes.length === 0 || vote.narrowedScopes.includes(key)),
  );
  const durationSeconds = Math.min(options.requestedDurationSeconds, ...counted.map((vote) => vote.narrowedDurationSeconds ?? Infinity));
  // Scopes narrowed away need no approvals of their own.
  const requirements = requirementsFor(
    scopes.filter((scope) => grantedScopes.includes(scope.key)),
    membersOf,
  );
  const seats = fillSeats(
    requirements,
    counted.map((vote) => vote.approverId),
  );
  const groups: GroupProgress[] = requirements.map((requirement) => ({
    group: requirement.name,
    required: requirement.required,
    had: seats.get(requirement.groupId)!.length,
  }));
  const had = groups.reduce((sum, group) => sum + group.had, 0);
  const needed = groups.reduce((sum, group) => sum + group.required, 0);
  return {
    counted,
    notCounted,
    groups,
    had,
    needed,
    met: grantedScopes.length > 0 && had === needed,
    grantedScopes,
    durationSeconds,
    stillNeeded: describeStillNeeded(groups),
  };
}

export type ApprovalProgress = ReturnType<typeof approvalProgress>;

/** "needs 1 more from security-approvers", or "needs 1 more from platform and 2 more from security"; null once nothing is missing. */
export function describeStillNeeded(groups: GroupProgress[]): string | null {
  const missing = groups.filter((group) => group.had < group.required).map((group) => `${group.required - group.had} more from ${group.group}`);
  if (missing.length === 0) return null;
  return `needs ${missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`}`;
}
