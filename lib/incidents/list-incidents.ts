import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { IncidentDto } from "./schemas";
import { countBound, incidentInclude, toIncidentDto } from "./to-incident-dto";

export type IncidentStatusFilter = "open" | "resolved" | "all";

/**
 * Incidents as a commander scans them: open ones first (most severe, then oldest — the longest-burning
 * fire on top), then resolved ones, most recently resolved first. At most 200; readable by everyone
 * signed in, like grants.
 */
export async function listIncidents(options: { status?: IncidentStatusFilter; clock?: Clock } = {}): Promise<IncidentDto[]> {
  const now = (options.clock ?? systemClock).now();
  const status = options.status ?? "all";
  const [open, resolved] = await Promise.all([
    status === "resolved"
      ? []
      : prisma.incident.findMany({
          where: { status: "OPEN" },
          include: incidentInclude,
          orderBy: [{ severity: "asc" }, { openedAt: "asc" }, { id: "asc" }],
          take: 200,
        }),
    status === "open"
      ? []
      : prisma.incident.findMany({ where: { status: "RESOLVED" }, include: incidentInclude, orderBy: [{ resolvedAt: "desc" }, { id: "desc" }], take: 200 }),
  ]);
  const rows = [...open, ...resolved].slice(0, 200);
  const bound = await countBound(
    prisma,
    rows.map((row) => row.id),
    now,
  );
  return rows.map((row) => toIncidentDto(row, bound(row.id)));
}
