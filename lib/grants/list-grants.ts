import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { incidentRefSelect } from "@/lib/kernel/incident-ref";
import { loadScopeRefs } from "@/lib/scopes/scope-refs";
import { expiringFilter } from "./expiring-filter";
import { statusFilter } from "./list-agent-grants";
import type { GrantSearch } from "./schemas";
import { toGrantDto } from "./to-grant-dto";

export type GrantStatusFilter = Parameters<typeof statusFilter>[0];

const encodeCursor = (row: { createdAt: Date; id: string }) => `${row.createdAt.getTime()}.${row.id}`;

/**
 * Rows strictly after the cursor in (createdAt DESC, id DESC) order. `createdAt <= c` is what an index
 * on (…, createdAt, id) can seek to; the OR only drops the few rows that share the cursor's instant.
 */
function afterCursor(cursor: string | undefined): Prisma.GrantWhereInput {
  if (!cursor) return {};
  const dot = cursor.indexOf(".");
  const createdAt = new Date(Number(cursor.slice(0, dot)));
  const id = cursor.slice(dot + 1);
  return { AND: [{ createdAt: { lte: createdAt } }, { OR: [{ createdAt: { lt: createdAt } }, { id: { lt: id } }] }] };
}

/**
 * The grants list across every agent, newest first, filtered by status (decided at this instant, so a
 * grant past its expiry counts as expired whether or not a job marked it), agent, scope, incident and
 * the person acted for, and to live grants expiring within a window (`expiring`); keyset-paginated on (createdAt, id). Every signed-in person may list grants.
 */
export async function listGrants(options: { search: GrantSearch; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const { status, agent, scope, incident, onBehalfOf, expiring, cursor, limit } = options.search;
  let onBehalfOfId: string | undefined;
  if (onBehalfOf) {
    const person = await prisma.user.findUnique({ where: { email: onBehalfOf.trim().toLowerCase() }, select: { id: true } });
    if (!person) return { items: [], nextCursor: null };
    onBehalfOfId = person.id;
  }
  const rows = await prisma.grant.findMany({
    where: {
      AND: [
        statusFilter(status, now),
        agent ? { agentId: agent } : {},
        // hasEvery compiles to `scopes @> ARRAY[…]`, which the GIN index answers (`has` would not use it).
        scope ? { scopes: { hasEvery: [scope] } } : {},
        incident ? { incidentId: incident } : {},
        onBehalfOfId ? { onBehalfOfId } : {},
        expiringFilter(expiring, now),
        afterCursor(cursor),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { onBehalfOf: true, agent: { select: { id: true, name: true } }, incident: { select: incidentRefSelect } },
  });
  const page = rows.slice(0, limit);
  const scopeRefs = await loadScopeRefs(page.map((grant) => grant.scopes));
  return {
    items: page.map((grant) => ({ ...toGrantDto(grant, now), agent: grant.agent, incident: grant.incident, scopeRefs: scopeRefs(grant.scopes) })),
    nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null,
  };
}

export type GrantPage = Awaited<ReturnType<typeof listGrants>>;
export type GrantListItem = GrantPage["items"][number];
