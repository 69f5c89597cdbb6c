import { prisma } from "@/lib/db";
import { mayRunIncident } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { STEP_UP_WINDOW_MS } from "@/lib/approvals/decide-request";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { env } from "@/lib/env";
import { AppError, forbidden } from "@/lib/kernel/errors";
import { issueGrant } from "@/lib/grants/issue-grant";
import { checkConstraintScopes } from "@/lib/constraints/narrow-constraints";
import { grantInclude, toGrantDto } from "@/lib/grants/to-grant-dto";
import { newId } from "@/lib/kernel/ids";
import { checkRequestedScopes } from "@/lib/requests/check-requested-scopes";
import { lockOpenIncident } from "./lock-open-incident";
import type { GrantAuthorityBody, GrantedAuthorityDto } from "./schemas";

export const COMMANDER_APPROVAL_COMMENT = "Granted by the incident commander; critical scopes need a second approver";

/**
 * The incident's commander (or an admin) hands an agent authority for the incident, without a request:
 * within the agent's eligible scopes and each scope's maximum duration, acting for the commander, who is
 * recorded as the grantor; the grant is bound to the incident and so ends when it resolves.
 * A critical scope still needs a second person: then a request bound to the incident is filed carrying
 * the commander's approval, and goes to the approvers' inboxes (where separation of duties applies, and
 * the commander, as its filer, cannot count twice).
 */
export async function grantIncidentAuthority(options: {
  /** From the browser it carries when the commander last signed in: their approval of a critical scope needs a recent one, as any approval does. */
  principal: PersonPrincipal;
  incidentId: string;
  input: GrantAuthorityBody;
  clock?: Clock;
}): Promise<GrantedAuthorityDto> {
  const now = (options.clock ?? systemClock).now();
  const { principal, input } = options;
  const by = auditActorOf(principal);
  checkConstraintScopes(input.authorizationDetails, input.scopes);
  return prisma.$transaction(async (tx) => {
    const incident = await lockOpenIncident(tx, options.incidentId);
    const commanded = await tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: { commanderId: true, externalSource: true } });
    if (!mayRunIncident(principal, commanded)) throw forbidden("Only the incident's commander or an admin can grant authority for it");

    // FOR SHARE waits for a concurrent disable, which would otherwise miss this grant.
    const [agent] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "Agent" WHERE id = ${input.agentId} FOR SHARE`;
    if (!agent || agent.status !== "ACTIVE")
      throw new AppError("BAD_REQUEST", agent ? "The agent is disabled" : `There is no agent ${input.agentId}`, {
        errors: [{ field: "agentId", message: agent ? "is disabled" : "is not a known agent" }],
      });
    const scopes = await checkRequestedScopes(tx, { agentId: input.agentId, scopeKeys: input.scopes, durationSeconds: input.durationSeconds });
    const terms = { agentId: input.agentId, onBehalfOfId: principal.userId, incidentId: incident.id, contextRef: incident.externalId };

    if (!scopes.some((scope) => scope.risk === "CRITICAL")) {
      const grant = await issueGrant(tx, {
        ...terms,
        requestId: null,
        scopes: input.scopes,
        durationSeconds: input.durationSeconds,
        grantedBy: by,
        reason: input.reason,
        authorizationDetails: input.authorizationDetails ?? null,
        now,
      });
      const issued = await tx.grant.findUniqueOrThrow({ where: { id: grant.id }, include: grantInclude });
      return { outcome: "granted" as const, grant: toGrantDto(issued, now), requestId: null };
    }

    if (principal.authTime && now.getTime() - principal.authTime.getTime() > STEP_UP_WINDOW_MS)
      throw new AppError("FORBIDDEN", "Approving a critical scope needs a sign-in from the last 10 minutes. Sign in again, then grant.", {
        errors: [{ field: "stepUp", message: "re-authentication required" }],
      });
    const request = await tx.accessRequest.create({
      data: {
        id: newId("request"),
        ...terms,
        filedById: principal.userId,
        requestedScopes: input.scopes,
        justification: input.reason,
        requestedDurationSeconds: input.durationSeconds,
        ...(input.authorizationDetails && { authorizationDetails: input.authorizationDetails }),
        pendingExpiresAt: new Date(now.getTime() + env().BATON_PENDING_REQUEST_TTL_SECONDS * 1000),
        createdAt: now,
        updatedAt: now,
      },
    });
    await tx.approval.create({
      data: {
        id: newId("approval"),
        requestId: request.id,
        approverId: principal.userId,
        decision: "APPROVE",
        comment: COMMANDER_APPROVAL_COMMENT,
        createdAt: now,
      },
    });
    const subject = { kind: "request", id: request.id };
    await recordEvent(tx, {
      actor: by,
      action: "request.filed",
      subject,
      agentId: input.agentId,
      data: {
        scopes: input.scopes,
        durationSeconds: input.durationSeconds,
        incidentId: incident.id,
        route: "incident-commander",
        ...(input.authorizationDetails && { authorizationDetails: input.authorizationDetails }),
      },
      at: now,
    });
    await recordEvent(tx, {
      actor: by,
      action: "request.approval_recorded",
      subject,
      agentId: input.agentId,
      data: { comment: COMMANDER_APPROVAL_COMMENT, narrowedScopes: [], narrowedDurationSeconds: null },
      at: now,
    });
    return { outcome: "awaiting_second_approval" as const, grant: null, requestId: request.id };
  });
}
