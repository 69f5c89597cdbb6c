import type { Tx } from "@/lib/db";
import type { Incident, User } from "@/lib/generated/prisma/client";
import type { IncidentDto } from "./schemas";

export const incidentInclude = { commander: true } as const;
type IncidentRow = Incident & { commander: User | null };

/** What is bound to each incident and still in force at `now`: grants not ended, requests not decided or lapsed. */
export async function countBound(tx: Tx, incidentIds: string[], now: Date) {
  const [grants, requests] = await Promise.all([
    tx.grant.groupBy({
      by: ["incidentId"],
      where: { incidentId: { in: incidentIds }, status: "ACTIVE", revokedAt: null, expiresAt: { gt: now } },
      _count: { _all: true },
    }),
    tx.accessRequest.groupBy({
      by: ["incidentId"],
      where: { incidentId: { in: incidentIds }, status: "PENDING", pendingExpiresAt: { gt: now } },
      _count: { _all: true },
    }),
  ]);
  const grantCount = new Map(grants.map((g) => [g.incidentId, g._count._all]));
  const requestCount = new Map(requests.map((r) => [r.incidentId, r._count._all]));
  return (id: string) => ({ activeGrants: grantCount.get(id) ?? 0, pendingRequests: requestCount.get(id) ?? 0 });
}

export function toIncidentDto(incident: IncidentRow, bound: { activeGrants: number; pendingRequests: number }): IncidentDto {
  return {
    id: incident.id,
    title: incident.title,
    description: incident.description,
    severity: incident.severity,
    status: incident.status,
    commander: incident.commander ? { id: incident.commander.id, email: incident.commander.email, name: incident.commander.name } : null,
    externalSource: incident.externalSource,
    externalId: incident.externalId,
    openedAt: incident.openedAt.toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    resolutionNote: incident.resolutionNote,
    ...bound,
  };
}

/** One incident as the API shows it, read inside `tx`. */
export async function readIncidentDto(tx: Tx, incidentId: string, now: Date): Promise<IncidentDto> {
  const row = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, include: incidentInclude });
  return toIncidentDto(row, (await countBound(tx, [row.id], now))(row.id));
}
