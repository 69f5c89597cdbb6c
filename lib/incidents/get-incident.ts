import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { IncidentDto } from "./schemas";
import { readIncidentDto } from "./to-incident-dto";

/** One incident with what is bound to it right now; 404 when there is none. */
export async function getIncident(options: { incidentId: string; clock?: Clock }): Promise<IncidentDto> {
  const now = (options.clock ?? systemClock).now();
  const exists = await prisma.incident.count({ where: { id: options.incidentId } });
  if (!exists) throw notFound("The incident");
  return readIncidentDto(prisma, options.incidentId, now);
}
