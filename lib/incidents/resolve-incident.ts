import { prisma, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, forbidden, notFound } from "@/lib/kernel/errors";
import { awaitChangeHeard } from "@/lib/events/change-feed";
import { revokeMatchingGrants } from "@/lib/grants/revoke-matching-grants";
import { cancelMatchingRequests } from "@/lib/requests/cancel-matching-requests";
import { mayRunIncident } from "@/lib/authorization/rules";
import { auditActorOf, type IntegrationPrincipal, type PersonPrincipal } from "@/lib/kernel/principal";
import type { IncidentDto } from "./schemas";
import { readIncidentDto } from "./to-incident-dto";

export const RESOLUTION_REASON = "incident resolved";

/**
 * Resolves an incident inside the caller's transaction and ends what was bound to it: pending requests
 * cancelled, grants in force revoked, each with its audit event. The incident row is locked FOR UPDATE,
 * so a concurrent resolution waits and then gets 409, and a grant or request being bound concurrently
 * (which holds the row FOR SHARE) either commits first and is swept here, or finds the incident resolved.
 */
export async function resolveIncidentIn(tx: Tx, options: { principal: PersonPrincipal | IntegrationPrincipal; incidentId: string; note?: string; now: Date }) {
  const { principal, incidentId, now } = options;
  const [incident] = await tx.$queryRaw<{ status: string; commanderId: string | null; externalSource: string | null; resolvedAt: Date | null }[]>`
    SELECT status::text, "commanderId", "externalSource", "resolvedAt" FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
  if (!incident) throw notFound("The incident");
  if (!mayRunIncident(principal, incident)) throw forbidden("Only the incident's commander or an admin can resolve it");
  if (incident.status !== "OPEN") throw conflict(`The incident was already resolved at ${incident.resolvedAt?.toISOString() ?? "an earlier time"}`);

  const by = auditActorOf(principal);
  await tx.incident.update({ where: { id: incidentId }, data: { status: "RESOLVED", resolvedAt: now, resolutionNote: options.note ?? null, updatedAt: now } });
  const resolved = await recordEvent(tx, {
    actor: by,
    action: "incident.resolved",
    subject: { kind: "incident", id: incidentId },
    data: { note: options.note ?? null },
    at: now,
  });
  const cancelled = await cancelMatchingRequests(tx, { incidentId }, { actor: by, reason: RESOLUTION_REASON, at: now });
  const revoked = await revokeMatchingGrants(tx, { incidentId }, { actor: by, reason: RESOLUTION_REASON, at: now });
  return {
    incident: await readIncidentDto(tx, incidentId, now),
    revokedGrantIds: revoked.grantIds,
    cancelledRequestIds: cancelled.requestIds,
    lastSeq: revoked.lastSeq ?? cancelled.lastSeq ?? resolved.seq,
  };
}

/**
 * Resolves an incident; every grant bound to it ends in the same transaction. It answers once this
 * process has heard its own announcement, so a decision asked here right after it returns already denies.
 */
export async function resolveIncident(options: {
  principal: PersonPrincipal | IntegrationPrincipal;
  incidentId: string;
  note?: string;
  clock?: Clock;
}): Promise<IncidentDto> {
  const now = (options.clock ?? systemClock).now();
  const result = await prisma.$transaction((tx) => resolveIncidentIn(tx, { ...options, now }));
  await awaitChangeHeard(result.lastSeq);
  return result.incident;
}
