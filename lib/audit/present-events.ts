import { prisma } from "@/lib/db";
import { actorRef, describeEventData, mentionedIds, subjectRef, type EventRefs, type NamedRef } from "./describe-event";

const PAGES: Record<string, string | null> = {
  usr: null,
  agt: "/agents/",
  inc: "/incidents/",
  grt: "/grants/",
  req: "/requests/",
  grp: null,
  scp: null,
  whe: "/webhooks/",
  sch: null,
};
// People are named but not linked: the only page listing them is the admins' user list.
const LISTS: Record<string, string> = { grp: "/groups", scp: "/scopes", sch: "/schedules" };

/**
 * The names of everything a page of audit events mentions, in one query: people, agents, incidents
 * (by title), grants and requests (by their agent), groups, scopes (by key), webhooks (by URL) and schedules.
 */
export async function loadEventNames(events: readonly EventRefs[]): Promise<Map<string, NamedRef>> {
  const ids = mentionedIds(events);
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ id: string; label: string }[]>`
    SELECT id, name AS label FROM "User" WHERE id = ANY(${ids}::text[])
    UNION ALL SELECT id, name FROM "Agent" WHERE id = ANY(${ids}::text[])
    UNION ALL SELECT id, title FROM "Incident" WHERE id = ANY(${ids}::text[])
    UNION ALL SELECT g.id, a.name FROM "Grant" g JOIN "Agent" a ON a.id = g."agentId" WHERE g.id = ANY(${ids}::text[])
    UNION ALL SELECT r.id, a.name FROM "AccessRequest" r JOIN "Agent" a ON a.id = r."agentId" WHERE r.id = ANY(${ids}::text[])
    UNION ALL SELECT id, name FROM "ApproverGroup" WHERE id = ANY(${ids}::text[])
    UNION ALL SELECT id, key FROM "Scope" WHERE id = ANY(${ids}::text[])
    UNION ALL SELECT id, url FROM "WebhookEndpoint" WHERE id = ANY(${ids}::text[])
    UNION ALL SELECT id, name FROM "Schedule" WHERE id = ANY(${ids}::text[])`;
  return new Map(
    rows.map((row) => {
      const prefix = row.id.slice(0, 3);
      const page = PAGES[prefix];
      return [row.id, { id: row.id, label: row.label, href: page ? `${page}${row.id}` : (LISTS[prefix] ?? null) }];
    }),
  );
}

export interface EventRow extends EventRefs {
  seq: bigint;
  at: Date;
  action: string;
}

/** Audit events as pages show them: who and what by linked name, details in words, and the raw data for the "Show raw" toggle. */
export async function presentEvents<E extends EventRow>(events: readonly E[]) {
  const names = await loadEventNames(events);
  return events.map((event) => ({
    seq: event.seq.toString(),
    at: event.at.toISOString(),
    action: event.action,
    actor: actorRef(event, names),
    subject: subjectRef(event, names),
    details: describeEventData(event.data, names),
    data: event.data,
  }));
}

export type PresentedEvent = Awaited<ReturnType<typeof presentEvents>>[number];
