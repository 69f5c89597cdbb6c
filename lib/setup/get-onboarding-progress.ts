import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { firstRequestCommand } from "./first-request-command";

export const ONBOARDING_STEPS = ["group", "scope", "owner", "agent", "key", "request", "approval"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export interface OnboardingProgress {
  /** Which steps hold now, in the order the checklist walks them. */
  done: Record<OnboardingStep, boolean>;
  /** A person has approved a request: the installation has been used end to end. */
  complete: boolean;
  /** The agent to issue a key to, once one fits. */
  agent: { id: string; name: string } | null;
  /** The request waiting for the viewer's decision, once filed. */
  pendingRequestId: string | null;
  /** The `baton request` command that files a request the viewer can approve, once a scope fits. */
  command: string | null;
}

/**
 * How far an admin is on the way from an empty installation to a first approved request, read from the
 * database. Each step counts only what leads there for this admin: approval routing and separation of
 * duties mean the scope must be routed to them (a group they sit in, or admins) without auto-approval,
 * and the agent must be owned by someone else, since nobody approves their own agent's requests.
 */
export async function getOnboardingProgress(options: { principal: PersonPrincipal; baseUrl: string; clock?: Clock }): Promise<OnboardingProgress> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const viewerId = options.principal.userId;
  const [memberships, otherPeople, personallyApproved] = await Promise.all([
    prisma.groupMembership.findMany({ where: { userId: viewerId }, select: { groupId: true } }),
    prisma.user.count({ where: { id: { not: viewerId }, disabled: false } }),
    prisma.approval.findFirst({ where: { decision: "APPROVE", request: { status: "APPROVED" } }, select: { id: true } }),
  ]);
  const groupIds = memberships.map((membership) => membership.groupId);
  const scopes = await prisma.scope.findMany({
    where: { autoApprove: false, OR: [{ approverGroupId: { in: groupIds } }, { approverGroupId: null }] },
    // A scope routed to the viewer's group is the one the checklist just had them create.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, key: true, maxDurationSeconds: true, approverGroupId: true },
  });
  const scope = scopes.find((candidate) => candidate.approverGroupId !== null) ?? scopes[0] ?? null;
  const agents = scopes.length
    ? await prisma.agent.findMany({
        where: { status: "ACTIVE", ownerId: { not: viewerId }, eligibleScopes: { some: { scopeId: { in: scopes.map((s) => s.id) } } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          keys: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { id: true }, take: 1 },
        },
      })
    : [];
  const agent = agents.find((candidate) => candidate.keys.length > 0) ?? agents[0] ?? null;
  const scopeKeys = scopes.map((s) => s.key);
  const [filed, pending] = agents.length
    ? await Promise.all([
        prisma.accessRequest.findFirst({ where: { agentId: { in: agents.map((a) => a.id) }, requestedScopes: { hasSome: scopeKeys } }, select: { id: true } }),
        prisma.accessRequest.findFirst({
          where: { agentId: { in: agents.map((a) => a.id) }, requestedScopes: { hasSome: scopeKeys }, status: "PENDING", pendingExpiresAt: { gt: now } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { id: true },
        }),
      ])
    : [null, null];
  const complete = personallyApproved !== null;
  return {
    done: {
      group: groupIds.length > 0,
      scope: scope !== null,
      owner: otherPeople > 0,
      agent: agent !== null,
      key: agent !== null && agent.keys.length > 0,
      request: filed !== null,
      approval: complete,
    },
    complete,
    agent: agent && { id: agent.id, name: agent.name },
    pendingRequestId: pending?.id ?? null,
    command: scope && firstRequestCommand({ baseUrl: options.baseUrl, scopeKey: scope.key, maxDurationSeconds: scope.maxDurationSeconds }),
  };
}
