import { recordEvent, type Actor } from "@/lib/audit/record-event";
import { newId } from "@/lib/kernel/ids";
import type { DemoIds } from "./allocate-demo-ids";
import type { DemoIncident, IncidentKey } from "./demo-history";
import type { DemoTimeline } from "./demo-timeline";
import { MINUTE_MS } from "./demo-time";
import { issueDemoGrant } from "./issue-demo-grant";
import { revokeActiveGrants } from "./revoke-active-grants";
import { scheduleGrantExpiry } from "./schedule-grant-expiry";

/** An incident's life: opened, the commander's direct grants, and on resolution the end of every grant bound to it. */
export function scheduleIncident(timeline: DemoTimeline, ids: DemoIds, incident: DemoIncident) {
  const id = ids.incidents[incident.key as IncidentKey];
  const commander: Actor = { kind: "USER", id: ids.users[incident.commander] };

  timeline.at(incident.openedAt, async (tx, at) => {
    await tx.incident.create({
      data: {
        id,
        title: incident.title,
        description: incident.description,
        severity: incident.severity,
        commanderId: commander.id,
        externalSource: incident.externalSource,
        externalId: incident.externalId,
        openedAt: at,
        createdAt: at,
        updatedAt: at,
      },
    });
    await recordEvent(tx, {
      actor: commander,
      action: "incident.opened",
      subject: { kind: "incident", id },
      data: {
        title: incident.title,
        severity: incident.severity,
        commanderId: commander.id,
        externalSource: incident.externalSource,
        externalId: incident.externalId,
      },
      at,
    });
  });

  for (const grant of incident.directGrants ?? []) {
    const grantId = newId("grant");
    const terms = {
      id: grantId,
      requestId: null,
      agentId: ids.agents[grant.agent],
      onBehalfOfId: grant.onBehalfOf ? ids.users[grant.onBehalfOf] : null,
      scopes: grant.scopes,
      minutes: grant.minutes,
      incidentId: id,
      contextRef: incident.externalId,
      grantedBy: { kind: "USER", id: ids.users[grant.grantedBy] } as const,
    };
    timeline.at(grant.at, (tx, at) => issueDemoGrant(tx, terms, at));
    scheduleGrantExpiry(timeline, grantId, grant.at + grant.minutes * MINUTE_MS);
  }

  const resolvedAt = incident.resolvedAt;
  if (resolvedAt === undefined) return;
  timeline.at(resolvedAt, async (tx, at) => {
    await tx.incident.update({ where: { id }, data: { status: "RESOLVED", resolvedAt: at, updatedAt: at } });
    await recordEvent(tx, { actor: commander, action: "incident.resolved", subject: { kind: "incident", id }, data: { title: incident.title }, at });
    await revokeActiveGrants(tx, { incidentId: id }, { actor: commander, reason: "incident resolved", at });
  });
}
