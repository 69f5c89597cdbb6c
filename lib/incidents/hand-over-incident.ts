import { prisma } from "@/lib/db";
import { mayRunIncident } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, forbidden, notFound } from "@/lib/kernel/errors";
import { findEligibleCommander } from "./find-eligible-commander";
import type { HandOverIncidentBody, IncidentDto } from "./schemas";
import { readIncidentDto } from "./to-incident-dto";

/**
 * Hands command of an open incident to another commander or admin: by its commander, or by an admin
 * (who can so take command for someone who is away). Authority already granted stays bound to the
 * incident and still ends when it resolves; from now on only the new commander (and admins) can grant
 * more or resolve it. The row is locked FOR UPDATE, so a hand-over and a resolution never interleave.
 */
export async function handOverIncident(options: {
  principal: PersonPrincipal;
  incidentId: string;
  input: HandOverIncidentBody;
  clock?: Clock;
}): Promise<IncidentDto> {
  const now = (options.clock ?? systemClock).now();
  const { principal, incidentId, input } = options;
  return prisma.$transaction(async (tx) => {
    const [incident] = await tx.$queryRaw<{ status: string; commanderId: string | null; externalSource: string | null }[]>`
      SELECT status::text, "commanderId", "externalSource" FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
    if (!incident) throw notFound("The incident");
    if (!mayRunIncident(principal, incident)) throw forbidden("Only the incident's commander or an admin can hand over command");
    if (incident.status !== "OPEN") throw conflict("The incident is resolved; command can no longer change");
    const next = await findEligibleCommander(tx, input.commanderEmail);
    if (next.id === incident.commanderId) throw conflict(`${next.email} already commands this incident`);
    await tx.incident.update({ where: { id: incidentId }, data: { commanderId: next.id, updatedAt: now } });
    await recordEvent(tx, {
      actor: auditActorOf(principal),
      action: "incident.commander_changed",
      subject: { kind: "incident", id: incidentId },
      data: { from: incident.commanderId, to: next.id, toEmail: next.email, note: input.note ?? null },
      at: now,
    });
    return readIncidentDto(tx, incidentId, now);
  });
}
