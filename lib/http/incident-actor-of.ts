import type { IncidentActor } from "@/lib/incidents/incident-actor";
import type { IntegrationPrincipal, PersonPrincipal } from "@/lib/kernel/principal";
import { personActor } from "./person-actor";

export const incidentActorOf = (caller: PersonPrincipal | IntegrationPrincipal): IncidentActor =>
  caller.kind === "integration" ? { kind: "integration", integrationId: caller.integrationId, slug: caller.slug } : { kind: "person", person: personActor(caller) };
