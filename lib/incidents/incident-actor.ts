import type { Actor } from "@/lib/audit/record-event";
import type { PersonActor } from "@/lib/auth/actor";

/** Who opens, resolves or acts for an incident: a person (UI or personal token) or an incident-tool integration. */
export type IncidentActor = { kind: "person"; person: PersonActor } | { kind: "integration"; integrationId: string; slug: string };

export function auditActorOf(actor: IncidentActor): Actor {
  return actor.kind === "person" ? { kind: "USER", id: actor.person.userId } : { kind: "INTEGRATION", id: actor.integrationId };
}

/**
 * Who runs an incident: admins any; a commander the incidents they command, and those nobody commands
 * yet; an integration the incidents it opened. Viewers and approvers none.
 */
export function canRunIncident(actor: IncidentActor, incident: { commanderId: string | null; externalSource: string | null }): boolean {
  if (actor.kind === "integration") return incident.externalSource === actor.slug;
  if (actor.person.role === "ADMIN") return true;
  return actor.person.role === "COMMANDER" && (incident.commanderId === null || incident.commanderId === actor.person.userId);
}

export const mayOpenIncidents = (actor: IncidentActor) => actor.kind === "integration" || actor.person.role === "ADMIN" || actor.person.role === "COMMANDER";
