import type pg from "pg";
import type { AgentGrants, DecisionSource, IndexedGrant, ScopeAudiences } from "@/lib/decisions/decision-source";
import { liveOrUpcomingGrantSql } from "@/lib/kernel/live-grant";
import { storedConstraints } from "@/lib/constraints/stored-constraints";

// Timestamps are stored without a zone, in UTC: converting in SQL keeps the session's TimeZone out of it.
const GRANT_COLUMNS = `g.id, g.scopes, g."startsAt" AT TIME ZONE 'UTC' AS "startsAt", g."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", g."authorizationDetails"`;
// The index holds grants not yet started too: evaluateAccess compares startsAt at decision time.
const LIVE_AT = liveOrUpcomingGrantSql("g", "$1");

type GrantColumns = Omit<IndexedGrant, "constraints"> & { authorizationDetails: unknown };
type GrantRow = GrantColumns & { agentId: string; agentStatus: string };

const indexed = ({ authorizationDetails, ...grant }: GrantColumns): IndexedGrant => ({ ...grant, constraints: storedConstraints(authorizationDetails) });

async function loadScopeAudiences(pool: pg.Pool): Promise<ScopeAudiences> {
  const { rows } = await pool.query<{ key: string; audience: string | null }>(
    `SELECT s.key, CASE WHEN r."revokedAt" IS NULL THEN r.audience END AS audience FROM "Scope" s LEFT JOIN "ResourceServer" r ON r.id = s."resourceServerId"`,
  );
  return new Map(rows.map((row) => [row.key, row.audience]));
}

/**
 * The same reads as Baton's own decision source, through a plain `pg` pool: the standalone decision point
 * runs outside Next.js and keeps its connections to a small, known number.
 */
export function createPdpDecisionSource(pool: pg.Pool): DecisionSource {
  return {
    async loadAll(now) {
      const [grants, scopeAudiences] = await Promise.all([
        pool.query<GrantRow>(
          `SELECT ${GRANT_COLUMNS}, g."agentId", a.status AS "agentStatus" FROM "Grant" g JOIN "Agent" a ON a.id = g."agentId" WHERE ${LIVE_AT}`,
          [now.toISOString()],
        ),
        loadScopeAudiences(pool),
      ]);
      const agents = new Map<string, AgentGrants>();
      for (const { agentId, agentStatus, ...grant } of grants.rows) {
        const entry = agents.get(agentId) ?? { agentId, active: agentStatus === "ACTIVE", grants: [] };
        entry.grants.push(indexed(grant));
        agents.set(agentId, entry);
      }
      return { agents: [...agents.values()], scopeAudiences };
    },
    async loadAgent(agentId, now) {
      const [agent, grants] = await Promise.all([
        pool.query<{ status: string }>(`SELECT status FROM "Agent" WHERE id = $1`, [agentId]),
        pool.query<GrantColumns>(`SELECT ${GRANT_COLUMNS} FROM "Grant" g WHERE g."agentId" = $2 AND ${LIVE_AT}`, [now.toISOString(), agentId]),
      ]);
      const row = agent.rows[0];
      return row ? { agentId, active: row.status === "ACTIVE", grants: grants.rows.map(indexed) } : null;
    },
    loadScopeAudiences: () => loadScopeAudiences(pool),
  };
}
