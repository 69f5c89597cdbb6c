import { onCallAt, type OnCallShiftRow } from "@/lib/on-call/on-call-at";
import { openScheduleNames } from "@/lib/schedules/is-schedule-open";
import type { ScheduleRules } from "@/lib/schedules/schemas";
import type { AgentFacts, EnvironmentFacts, IncidentFacts, PersonFacts, ScopeFacts } from "./policy-facts";

/** A read-only SQL query: Baton passes Prisma's raw query, the standalone decision point its `pg` pool. */
export type SqlQuery = <Row>(sql: string, params?: unknown[]) => Promise<Row[]>;

/** How a grant was bound when issued (immutable): who for, which incident, which reference. */
export interface GrantBinding {
  onBehalfOfId: string | null;
  incidentId: string | null;
  contextRef: string | null;
}

/**
 * Everything a policy may look at, held in memory so a call's policy evaluation needs no database round
 * trip: people and their groups, agents and scopes with their tags, incidents, schedules, on-call shifts,
 * and the bindings of live grants.
 * Read in a handful of whole-table queries; the decision point and the simulator share it.
 */
export interface PolicyDirectory {
  persons: ReadonlyMap<string, PersonFacts>;
  agents: ReadonlyMap<string, AgentFacts>;
  scopes: ReadonlyMap<string, ScopeFacts>;
  incidents: ReadonlyMap<string, IncidentFacts>;
  groupIds: ReadonlyMap<string, string>;
  grants: ReadonlyMap<string, GrantBinding>;
  /** What changes with the clock (open schedules, who is on call), at a given time. */
  environmentAt(now: Date): EnvironmentFacts;
}

// Timestamps are stored without a zone, in UTC: converting in SQL keeps the session's TimeZone out of it.
const LIVE_GRANT_BINDINGS = `SELECT id, "onBehalfOfId", "incidentId", "contextRef" FROM "Grant" WHERE status = 'ACTIVE' AND "expiresAt" > (now() AT TIME ZONE 'UTC')`;

/** One grant's binding, for a grant issued after the directory was read. */
export async function loadGrantBinding(query: SqlQuery, grantId: string): Promise<GrantBinding | null> {
  const rows = await query<GrantBinding>(`SELECT "onBehalfOfId", "incidentId", "contextRef" FROM "Grant" WHERE id = $1`, [grantId]);
  return rows[0] ?? null;
}

export async function loadPolicyDirectory(query: SqlQuery): Promise<PolicyDirectory> {
  const [users, memberships, groups, agents, scopes, incidents, grants, schedules, shifts] = await Promise.all([
    query<{ id: string; email: string; name: string; role: string }>(`SELECT id, email, name, role::text AS role FROM "User"`),
    query<{ userId: string; name: string }>(`SELECT m."userId", g.name FROM "GroupMembership" m JOIN "ApproverGroup" g ON g.id = m."groupId"`),
    query<{ id: string; name: string }>(`SELECT id, name FROM "ApproverGroup"`),
    query<{ id: string; name: string; ownerId: string; status: string; tags: string[] }>(
      `SELECT id, name, "ownerId", status::text AS status, tags FROM "Agent"`,
    ),
    query<{
      key: string;
      risk: string;
      maxDurationSeconds: number;
      autoApprove: boolean;
      approvalsRequired: number;
      groupId: string | null;
      groupName: string | null;
      serverName: string | null;
      audience: string | null;
      tags: string[];
    }>(
      `SELECT s.key, s.tags, s.risk::text AS risk, s."maxDurationSeconds", s."autoApprove", s."approvalsRequired",
              g.id AS "groupId", g.name AS "groupName",
              CASE WHEN r."revokedAt" IS NULL THEN r.name END AS "serverName", CASE WHEN r."revokedAt" IS NULL THEN r.audience END AS audience
         FROM "Scope" s LEFT JOIN "ApproverGroup" g ON g.id = s."approverGroupId" LEFT JOIN "ResourceServer" r ON r.id = s."resourceServerId"`,
    ),
    query<{ id: string; title: string; severity: string; status: string; commanderId: string | null }>(
      `SELECT id, title, severity::text AS severity, status::text AS status, "commanderId" FROM "Incident"`,
    ),
    query<GrantBinding & { id: string }>(LIVE_GRANT_BINDINGS),
    query<ScheduleRules & { name: string }>(`SELECT name, timezone, "weeklyRules", "oneOffWindows" FROM "Schedule"`),
    // Shifts of active people who are still members of the group; which of them count depends on the time asked.
    query<OnCallShiftRow>(
      `SELECT g.name AS "groupName", o."userId", o.until AT TIME ZONE 'UTC' AS until
         FROM "OnCallShift" o
         JOIN "ApproverGroup" g ON g.id = o."groupId"
         JOIN "User" u ON u.id = o."userId" AND NOT u.disabled
         JOIN "GroupMembership" m ON m."groupId" = o."groupId" AND m."userId" = o."userId"`,
    ),
  ]);
  const groupsOf = new Map<string, string[]>();
  for (const { userId, name } of memberships) groupsOf.set(userId, [...(groupsOf.get(userId) ?? []), name]);
  const onCallFor = (): string[] => [];
  const persons = new Map(users.map((user): [string, PersonFacts] => [user.id, { ...user, groups: groupsOf.get(user.id) ?? [], onCallFor: onCallFor() }]));
  const nobody = (id: string): PersonFacts => ({ id, email: "", name: "", role: "VIEWER", groups: [], onCallFor: [] });
  return {
    persons,
    agents: new Map(
      agents.map((agent): [string, AgentFacts] => [
        agent.id,
        { id: agent.id, name: agent.name, owner: persons.get(agent.ownerId) ?? nobody(agent.ownerId), tags: agent.tags, status: agent.status },
      ]),
    ),
    scopes: new Map(
      scopes.map((scope): [string, ScopeFacts] => [
        scope.key,
        {
          key: scope.key,
          risk: scope.risk,
          tags: scope.tags,
          maxDurationSeconds: Number(scope.maxDurationSeconds),
          autoApprove: scope.autoApprove,
          approvalsRequired: Number(scope.approvalsRequired),
          approverGroup: scope.groupId && scope.groupName ? { id: scope.groupId, name: scope.groupName } : null,
          resourceServer: scope.serverName && scope.audience ? { name: scope.serverName, audience: scope.audience } : null,
        },
      ]),
    ),
    incidents: new Map(
      incidents.map((incident): [string, IncidentFacts] => [
        incident.id,
        {
          id: incident.id,
          title: incident.title,
          severity: incident.severity,
          status: incident.status,
          commander: incident.commanderId ? (persons.get(incident.commanderId) ?? null) : null,
        },
      ]),
    ),
    groupIds: new Map(groups.map((group) => [group.name, group.id])),
    grants: new Map(grants.map(({ id, ...binding }) => [id, binding])),
    environmentAt(now) {
      const onCall = onCallAt(shifts, now);
      return { now, openSchedules: [...openScheduleNames(schedules, now)], onCallGroups: [...onCall.keys()], onCall };
    },
  };
}
