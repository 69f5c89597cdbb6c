// What must hold in the database after any crash: read with plain SQL, not through Baton.
import pg from "pg";

export interface Acknowledged {
  /** Requests whose filing got a 2xx, with the idempotency key it was filed under. */
  filings: { requestId: string; agentId: string; idempotencyKey: string }[];
  /** Approvals that got a 2xx, with the grant the answer named. */
  approvals: { requestId: string; grantId: string }[];
  /** Requests whose approval, retried after no answer, was refused as already decided: only an approval can have decided them. */
  approvedBeforeRetry: string[];
}

export interface Violation {
  check: string;
  rows: unknown[];
}

async function rows(client: pg.Client, sql: string, values: unknown[] = []): Promise<unknown[]> {
  return (await client.query(sql, values)).rows;
}

/** Every check returns the rows that break it: none means it holds. */
export async function findViolations(databaseUrl: string, acknowledged: Acknowledged): Promise<{ violations: Violation[]; counts: Record<string, number> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const filedIds = acknowledged.filings.map((filing) => filing.requestId);
    const checks: [string, string, unknown[]?][] = [
      [
        "grant without its grant.issued audit event",
        `SELECT g.id FROM "Grant" g WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e.action = 'grant.issued' AND e."subjectId" = g.id)`,
      ],
      [
        "grant.issued audit event without its grant",
        `SELECT e."subjectId" FROM "AuditEvent" e WHERE e.action = 'grant.issued' AND NOT EXISTS (SELECT 1 FROM "Grant" g WHERE g.id = e."subjectId")`,
      ],
      ["grant audited more than once", `SELECT "subjectId", count(*) FROM "AuditEvent" WHERE action = 'grant.issued' GROUP BY 1 HAVING count(*) > 1`],
      ["more than one grant for a request", `SELECT "requestId", count(*) FROM "Grant" WHERE "requestId" IS NOT NULL GROUP BY 1 HAVING count(*) > 1`],
      [
        "approved request without a grant",
        `SELECT r.id FROM "AccessRequest" r WHERE r.status = 'APPROVED' AND NOT EXISTS (SELECT 1 FROM "Grant" g WHERE g."requestId" = r.id)`,
      ],
      [
        "grant for a request that is not approved",
        `SELECT g.id, r.status FROM "Grant" g JOIN "AccessRequest" r ON r.id = g."requestId" WHERE r.status <> 'APPROVED'`,
      ],
      [
        "request without exactly one request.filed event",
        `SELECT r.id, count(e.seq) FROM "AccessRequest" r LEFT JOIN "AuditEvent" e ON e.action = 'request.filed' AND e."subjectId" = r.id GROUP BY r.id HAVING count(e.seq) <> 1`,
      ],
      [
        "two requests under one idempotency key",
        `SELECT "agentId", "idempotencyKey", count(*) FROM "AccessRequest" WHERE "idempotencyKey" IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`,
      ],
      [
        "acknowledged filing missing",
        `SELECT wanted.id FROM unnest($1::text[]) AS wanted(id) WHERE NOT EXISTS (SELECT 1 FROM "AccessRequest" r WHERE r.id = wanted.id)`,
        [filedIds],
      ],
      [
        "acknowledged filing stored under another idempotency key or agent",
        `SELECT r.id FROM "AccessRequest" r JOIN unnest($1::text[], $2::text[], $3::text[]) AS ack(id, agent, key) ON ack.id = r.id WHERE r."agentId" <> ack.agent OR r."idempotencyKey" IS DISTINCT FROM ack.key`,
        [filedIds, acknowledged.filings.map((filing) => filing.agentId), acknowledged.filings.map((filing) => filing.idempotencyKey)],
      ],
      [
        "acknowledged approval without its approved request and grant",
        `SELECT ack.request FROM unnest($1::text[], $2::text[]) AS ack(request, grant_id) WHERE NOT EXISTS (SELECT 1 FROM "Grant" g JOIN "AccessRequest" r ON r.id = g."requestId" WHERE g.id = ack.grant_id AND r.id = ack.request AND r.status = 'APPROVED')`,
        [acknowledged.approvals.map((approval) => approval.requestId), acknowledged.approvals.map((approval) => approval.grantId)],
      ],
      [
        "approval retried after a lost answer, but its request is not approved with a grant",
        `SELECT wanted.id FROM unnest($1::text[]) AS wanted(id) WHERE NOT EXISTS (SELECT 1 FROM "AccessRequest" r JOIN "Grant" g ON g."requestId" = r.id WHERE r.id = wanted.id AND r.status = 'APPROVED')`,
        [acknowledged.approvedBeforeRetry],
      ],
    ];
    const violations: Violation[] = [];
    for (const [check, sql, values] of checks) {
      const found = await rows(client, sql, values);
      if (found.length) violations.push({ check, rows: found.slice(0, 5) });
    }
    const [count] = (
      await client.query(
        `SELECT (SELECT count(*) FROM "AccessRequest")::int AS requests, (SELECT count(*) FROM "Grant")::int AS grants, (SELECT count(*) FROM "AuditEvent")::int AS events`,
      )
    ).rows;
    return { violations, counts: count as Record<string, number> };
  } finally {
    await client.end();
  }
}
