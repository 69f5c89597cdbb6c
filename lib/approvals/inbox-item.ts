import type { Prisma } from "@/lib/generated/prisma/client";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { approvalProgress } from "./approval-progress";
import { requirementsFor } from "./quorum";
import { routedScopesOf } from "./routed-scopes";
import { readStoredRouting, toRoutingDto } from "@/lib/policy/routing-schemas";
import { conflictOfInterest, mayDecideRequests } from "@/lib/authorization/rules";
import { storedConstraints } from "@/lib/constraints/stored-constraints";

export const inboxInclude = {
  agent: { include: { owner: true } },
  onBehalfOf: true,
  filedBy: true,
  incident: true,
  approvals: { include: { approver: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.AccessRequestInclude;

export type InboxRow = Prisma.AccessRequestGetPayload<{ include: typeof inboxInclude }>;

export type ScopeRouting = Map<
  string,
  { key: string; risk: string; description: string; approverGroupId: string | null; approverGroup: string | null; approvalsRequired: number }
>;

/** What an approver needs to decide at a glance, and whether this viewer may decide (and if not, why). */
export function toInboxItem(
  row: InboxRow,
  viewer: PersonPrincipal,
  routing: { scopes: ScopeRouting; membersOf: (groupId: string | null) => ReadonlySet<string> },
) {
  const catalog = row.requestedScopes.map(
    (key) => routing.scopes.get(key) ?? { key, risk: "LOW", description: "", approverGroupId: null, approverGroup: null, approvalsRequired: 1 },
  );
  const routed = routedScopesOf(row, (key) => {
    const scope = routing.scopes.get(key);
    return scope && { approverGroupId: scope.approverGroupId, approverGroupName: scope.approverGroup, approvalsRequired: scope.approvalsRequired };
  });
  // Per scope, every group that decides it and the most approvals any of them needs.
  const scopes = catalog.map((scope) => {
    const routes = routed.filter((route) => route.key === scope.key);
    const groups = routes.map((route) => route.approverGroupName ?? "admins");
    return {
      ...scope,
      approverGroup: routes.length === 1 ? routes[0]!.approverGroupName : groups.length ? groups.join(" and ") : null,
      approvalsRequired: Math.max(0, ...routes.map((route) => route.approvalsRequired)),
    };
  });
  const requirements = requirementsFor(routed, routing.membersOf);
  const storedRouting = readStoredRouting(row.routing);
  const progress = approvalProgress({
    scopes: routed,
    membersOf: routing.membersOf,
    votes: row.approvals,
    filedById: row.filedById,
    requestedDurationSeconds: row.requestedDurationSeconds,
  });
  const notCounted = new Map(progress.notCounted.map(({ vote, reason }) => [vote.id, reason]));
  const routedToMe = requirements.some((r) => r.memberIds.has(viewer.userId));
  const interest = conflictOfInterest(viewer.userId, { agentOwnerId: row.agent.ownerId, onBehalfOfId: row.onBehalfOfId, filedById: row.filedById });
  const alreadyDecided = row.approvals.some((a) => a.approverId === viewer.userId);
  const cannotDecideReason = !mayDecideRequests(viewer)
    ? "Viewers cannot decide requests"
    : !routedToMe
      ? "Not routed to your groups"
      : interest
        ? `You cannot decide this: ${interest}`
        : alreadyDecided
          ? "You have already approved"
          : null;
  return {
    id: row.id,
    agent: { id: row.agent.id, name: row.agent.name, owner: { name: row.agent.owner.name, email: row.agent.owner.email } },
    onBehalfOf: row.onBehalfOf ? { name: row.onBehalfOf.name, email: row.onBehalfOf.email } : null,
    scopes: scopes.map(({ key, risk, description, approverGroup, approvalsRequired }) => ({ key, risk, description, approverGroup, approvalsRequired })),
    justification: row.justification,
    durationSeconds: row.requestedDurationSeconds,
    incident: row.incident ? { id: row.incident.id, title: row.incident.title, severity: row.incident.severity, status: row.incident.status } : null,
    contextRef: row.contextRef,
    /** The constraints asked for (RFC 9396 authorization details); null = unconstrained. */
    authorizationDetails: storedConstraints(row.authorizationDetails),
    createdAt: row.createdAt.toISOString(),
    pendingExpiresAt: row.pendingExpiresAt.toISOString(),
    approvals: row.approvals.map((a) => ({
      approver: a.approver.name,
      decision: a.decision,
      comment: a.comment,
      narrowedScopes: a.narrowedScopes,
      narrowedDurationSeconds: a.narrowedDurationSeconds,
      narrowedAuthorizationDetails: storedConstraints(a.narrowedAuthorizationDetails),
      at: a.createdAt.toISOString(),
      /** Why this approval is on record without counting toward the quorum; null when it counts (or is a denial). */
      notCounted: notCounted.get(a.id) ?? null,
    })),
    /** Seats filled by approvals that count, of all seats: "0 of 1" while a commander's own approval waits for a second person. */
    approvalsHad: progress.had,
    approvalsNeeded: progress.needed,
    /** Per deciding group, how many approvals it must give and has given. */
    approvalGroups: progress.groups,
    /** "needs 1 more from security-approvers"; null when nothing is missing. */
    stillNeeded: progress.stillNeeded,
    critical: scopes.some((s) => s.risk === "CRITICAL"),
    /** Approving needs a recent sign-in: a critical scope, or a policy's @stepup. */
    stepUp: scopes.some((s) => s.risk === "CRITICAL") || routed.some((route) => route.stepUp),
    /** What the policy set decided at filing, and why; null for requests filed before policies. */
    routing: storedRouting ? toRoutingDto(storedRouting) : null,
    routedToMe,
    canDecide: cannotDecideReason === null,
    cannotDecideReason,
  };
}

export type InboxItem = ReturnType<typeof toInboxItem>;
