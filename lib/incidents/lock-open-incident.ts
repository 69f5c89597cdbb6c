import type { Tx } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/kernel/errors";

/**
 * Holds the incident row FOR SHARE until the caller's transaction ends, and refuses one that is not
 * open: anything bound to an incident (a grant, a request) then either commits before a resolution,
 * which takes the row FOR UPDATE and so sees and ends it, or waits and finds the incident resolved (409).
 * With `field`, an unknown id is a 400 naming that field (it came in a body); otherwise a 404.
 */
export async function lockOpenIncident(tx: Tx, incidentId: string, field?: string) {
  const [incident] = await tx.$queryRaw<{ id: string; status: string; commanderId: string | null; externalId: string | null }[]>`
    SELECT id, status::text, "commanderId", "externalId" FROM "Incident" WHERE id = ${incidentId} FOR SHARE`;
  if (!incident) {
    if (field) throw new AppError("BAD_REQUEST", `There is no incident ${incidentId}`, { errors: [{ field, message: "is not a known incident" }] });
    throw notFound("The incident");
  }
  if (incident.status !== "OPEN") throw conflict(`The incident ${incidentId} is resolved; nothing more can be bound to it`);
  return incident;
}
