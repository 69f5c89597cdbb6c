import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FilingFacts } from "./decide-filing";
import { onCallAt } from "@/lib/on-call/on-call-at";
import { openScheduleNames } from "@/lib/schedules/is-schedule-open";
import type { ScheduleRules } from "@/lib/schedules/schemas";
import type { EnvironmentFacts, IncidentFacts, PersonFacts, ScopeFacts } from "./policy-facts";

const personInclude = { memberships: { select: { group: { select: { name: true } } } } } satisfies Prisma.UserInclude;
type PersonRow = Prisma.UserGetPayload<{ include: typeof personInclude }>;

export function toPersonFacts(user: PersonRow, onCall: ReadonlyMap<string, ReadonlySet<string>>): PersonFacts {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    groups: user.memberships.map((m) => m.group.name),
    onCallFor: [...onCall].filter(([, members]) => members.has(user.id)).map(([group]) => group),
  };
}

/** Schedules open now and who is on call for which group (group name → user ids), read in the filing's transaction. */
export async function loadEnvironmentFacts(tx: Tx, now: Date): Promise<EnvironmentFacts & { onCall: ReadonlyMap<string, ReadonlySet<string>> }> {
  const [schedules, shifts] = await Promise.all([
    tx.schedule.findMany({ select: { name: true, timezone: true, weeklyRules: true, oneOffWindows: true } }),
    tx.onCallShift.findMany({
      where: { OR: [{ until: null }, { until: { gt: now } }], user: { disabled: false } },
      select: { userId: true, until: true, group: { select: { name: true, members: { select: { userId: true } } } } },
    }),
  ]);
  const onCall = onCallAt(
    shifts
      .filter((shift) => shift.group.members.some((member) => member.userId === shift.userId))
      .map((shift) => ({ groupName: shift.group.name, userId: shift.userId, until: shift.until })),
    now,
  );
  const open = openScheduleNames(schedules as unknown as (ScheduleRules & { name: string })[], now);
  return { now, openSchedules: [...open], onCallGroups: [...onCall.keys()], onCall };
}

/**
 * Everything the policy set may look at for one filing, read inside the filing's transaction so the
 * decision and the request it files see the same state.
 */
export async function loadFilingFacts(
  tx: Tx,
  input: {
    agentId: string;
    scopeKeys: readonly string[];
    request: { id: string; durationSeconds: number; justification: string; contextRef: string | null; locations: string[]; actions: string[] };
    onBehalfOfId: string | null;
    incidentId: string | null;
    now: Date;
  },
): Promise<FilingFacts> {
  const [agent, scopes, groups, onBehalfOf, incident, env] = await Promise.all([
    tx.agent.findUniqueOrThrow({ where: { id: input.agentId }, include: { owner: { include: personInclude } } }),
    tx.scope.findMany({
      where: { key: { in: [...input.scopeKeys] } },
      include: { approverGroup: { select: { id: true, name: true } }, resourceServer: { select: { name: true, audience: true, revokedAt: true } } },
    }),
    tx.approverGroup.findMany({ select: { id: true, name: true } }),
    input.onBehalfOfId ? tx.user.findUnique({ where: { id: input.onBehalfOfId }, include: personInclude }) : null,
    input.incidentId ? tx.incident.findUnique({ where: { id: input.incidentId }, include: { commander: { include: personInclude } } }) : null,
    loadEnvironmentFacts(tx, input.now),
  ]);
  const byKey = new Map(scopes.map((scope) => [scope.key, scope]));
  const scopeFacts = input.scopeKeys.map((key): ScopeFacts => {
    const scope = byKey.get(key)!;
    return {
      key,
      risk: scope.risk,
      tags: scope.tags,
      maxDurationSeconds: scope.maxDurationSeconds,
      autoApprove: scope.autoApprove,
      approvalsRequired: scope.approvalsRequired,
      approverGroup: scope.approverGroup,
      resourceServer:
        scope.resourceServer && !scope.resourceServer.revokedAt ? { name: scope.resourceServer.name, audience: scope.resourceServer.audience } : null,
    };
  });
  const incidentFacts: IncidentFacts | null = incident
    ? {
        id: incident.id,
        title: incident.title,
        severity: incident.severity,
        status: incident.status,
        commander: incident.commander ? toPersonFacts(incident.commander, env.onCall) : null,
      }
    : null;
  return {
    agent: { id: agent.id, name: agent.name, owner: toPersonFacts(agent.owner, env.onCall), tags: agent.tags, status: agent.status },
    scopes: scopeFacts,
    request: {
      ...input.request,
      scopes: [...input.scopeKeys],
      onBehalfOf: onBehalfOf ? toPersonFacts(onBehalfOf, env.onCall) : null,
      incident: incidentFacts,
    },
    env,
    groupIds: new Map(groups.map((group) => [group.name, group.id])),
  };
}
