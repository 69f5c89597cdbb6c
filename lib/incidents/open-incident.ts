import { prisma, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, forbidden } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { findEligibleCommander } from "./find-eligible-commander";
import { mayOpenIncidents } from "@/lib/authorization/rules";
import { auditActorOf, type IntegrationPrincipal, type PersonPrincipal } from "@/lib/kernel/principal";
import type { IncidentDto, OpenIncidentBody } from "./schemas";
import { readIncidentDto } from "./to-incident-dto";

/** Who opens incidents: a person (UI or personal token) or an incident-tool integration. */
type IncidentOpener = PersonPrincipal | IntegrationPrincipal;

async function commanderOf(tx: Tx, principal: IncidentOpener, email: string | undefined): Promise<string | null> {
  if (!email) return principal.kind === "person" ? principal.userId : null;
  return (await findEligibleCommander(tx, email)).id;
}

/**
 * Opens an incident inside the caller's transaction (the webhook receiver records its delivery in the
 * same one). An integration's incidents carry its slug as `externalSource`, so one external id opens
 * one incident per integration (409 for a second).
 */
export async function openIncidentIn(tx: Tx, options: { principal: IncidentOpener; input: OpenIncidentBody; now: Date }): Promise<IncidentDto> {
  const { principal, input, now } = options;
  if (!mayOpenIncidents(principal)) throw forbidden("Opening an incident needs the commander or admin role");
  const externalSource = principal.kind === "integration" ? principal.slug : null;
  if (externalSource && input.externalId) {
    const existing = await tx.incident.findUnique({
      where: { externalSource_externalId: { externalSource, externalId: input.externalId } },
      select: { id: true },
    });
    if (existing) throw conflict(`The incident ${input.externalId} from ${externalSource} is already ${existing.id}`);
  }
  const commanderId = await commanderOf(tx, principal, input.commanderEmail);
  const incident = await tx.incident.create({
    data: {
      id: newId("incident"),
      title: input.title,
      description: input.description ?? "",
      severity: input.severity,
      commanderId,
      externalSource,
      externalId: input.externalId ?? null,
      openedAt: now,
      createdAt: now,
      updatedAt: now,
    },
  });
  await recordEvent(tx, {
    actor: auditActorOf(principal),
    action: "incident.opened",
    subject: { kind: "incident", id: incident.id },
    data: { title: input.title, severity: input.severity, commanderId, externalSource, externalId: input.externalId ?? null },
    at: now,
  });
  return readIncidentDto(tx, incident.id, now);
}

export async function openIncident(options: { principal: IncidentOpener; input: OpenIncidentBody; clock?: Clock }): Promise<IncidentDto> {
  const now = (options.clock ?? systemClock).now();
  try {
    return await prisma.$transaction((tx) => openIncidentIn(tx, { principal: options.principal, input: options.input, now }));
  } catch (error) {
    // Two concurrent openings of one external incident: the unique index lets one through.
    if ((error as { code?: string }).code === "P2002") throw conflict(`The incident ${options.input.externalId ?? ""} is already open in Baton`);
    throw error;
  }
}
