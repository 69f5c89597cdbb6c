import { recordEvent, SYSTEM_ACTOR, type Actor } from "@/lib/audit/record-event";
import { newId } from "@/lib/kernel/ids";
import type { DemoIds } from "./allocate-demo-ids";
import { DEMO_SCOPES } from "./demo-directory";
import type { DemoApproval, DemoRequest } from "./demo-history";
import type { DemoTimeline } from "./demo-timeline";
import { DAY_MS, MINUTE_MS } from "./demo-time";
import { issueDemoGrant } from "./issue-demo-grant";
import { revokeActiveGrants } from "./revoke-active-grants";
import { scheduleGrantExpiry } from "./schedule-grant-expiry";

const PENDING_LIFETIME_MS = DAY_MS;

/**
 * A request's life: filed, then auto-approved, or decided by its approvals, or cancelled, or left
 * pending until it lapses. An approved request gets its one grant, which expires or is revoked.
 */
export function scheduleRequest(timeline: DemoTimeline, ids: DemoIds, story: DemoRequest) {
  const requestId = newId("request");
  const subject = { kind: "request", id: requestId };
  const agentId = ids.agents[story.agent];
  const onBehalfOfId = story.onBehalfOf ? ids.users[story.onBehalfOf] : null;
  const filedById = story.filedBy ? ids.users[story.filedBy] : null;
  const incidentId = story.incident ? ids.incidents[story.incident] : null;
  const contextRef = story.contextRef ?? null;
  const durationSeconds = story.minutes * 60;

  timeline.at(story.filedAt, async (tx, at) => {
    await tx.accessRequest.create({
      data: {
        id: requestId,
        agentId,
        onBehalfOfId,
        filedById,
        requestedScopes: [...story.scopes],
        justification: story.justification,
        requestedDurationSeconds: durationSeconds,
        incidentId,
        contextRef,
        pendingExpiresAt: new Date(at.getTime() + PENDING_LIFETIME_MS),
        createdAt: at,
        updatedAt: at,
      },
    });
    await recordEvent(tx, {
      actor: filedById ? { kind: "USER", id: filedById } : { kind: "AGENT", id: agentId },
      action: "request.filed",
      subject,
      data: { agentId, onBehalfOfId, scopes: story.scopes, durationSeconds, justification: story.justification, incidentId, contextRef },
      at,
    });
  });

  const approve = (offset: number, decidedBy: Actor, approvals: readonly DemoApproval[]) => {
    // Every approver who narrowed the request narrowed the grant: it gets only what all of them allowed.
    const scopes = story.scopes.filter((key) => approvals.every((approval) => !approval.narrowedScopes || approval.narrowedScopes.includes(key)));
    const minutes = Math.min(story.minutes, ...approvals.map((approval) => approval.narrowedMinutes ?? story.minutes));
    const grant = { id: newId("grant"), requestId, agentId, onBehalfOfId, scopes, minutes, incidentId, contextRef, grantedBy: decidedBy };
    timeline.at(offset, async (tx, at) => {
      await tx.accessRequest.update({ where: { id: requestId }, data: { status: "APPROVED", decidedAt: at, updatedAt: at } });
      await recordEvent(tx, { actor: decidedBy, action: "request.approved", subject, data: { grantId: grant.id, scopes, durationSeconds: minutes * 60 }, at });
      await issueDemoGrant(tx, grant, at);
    });
    scheduleGrantExpiry(timeline, grant.id, offset + minutes * MINUTE_MS);
    const revoked = story.revoked;
    if (revoked) {
      const actor: Actor = { kind: "USER", id: ids.users[revoked.by] };
      timeline.at(revoked.at, (tx, at) => revokeActiveGrants(tx, { id: grant.id }, { actor, reason: revoked.reason, at }));
    }
  };

  const catalog = DEMO_SCOPES.filter((scope) => (story.scopes as readonly string[]).includes(scope.key));
  if (catalog.every((scope) => scope.autoApprove)) {
    approve(story.filedAt, SYSTEM_ACTOR, []);
    return;
  }

  const approvalsRequired = Math.max(...catalog.filter((scope) => !scope.autoApprove).map((scope) => scope.approvalsRequired));
  const recorded: DemoApproval[] = [];
  for (const approval of story.approvals ?? []) {
    recorded.push(approval);
    const approver: Actor = { kind: "USER", id: ids.users[approval.by] };
    const approvalsSoFar = recorded.filter((each) => each.decision === "APPROVE").length;
    timeline.at(approval.at, async (tx, at) => {
      await tx.approval.create({
        data: {
          id: newId("approval"),
          requestId,
          approverId: ids.users[approval.by],
          decision: approval.decision,
          comment: approval.comment,
          narrowedScopes: [...(approval.narrowedScopes ?? [])],
          narrowedDurationSeconds: approval.narrowedMinutes === undefined ? null : approval.narrowedMinutes * 60,
          createdAt: at,
        },
      });
      await tx.accessRequest.update({ where: { id: requestId }, data: { updatedAt: at } });
      await recordEvent(tx, {
        actor: approver,
        action: "request.approval_recorded",
        subject,
        data: {
          decision: approval.decision,
          comment: approval.comment,
          narrowedScopes: approval.narrowedScopes ?? [],
          narrowedDurationSeconds: approval.narrowedMinutes === undefined ? null : approval.narrowedMinutes * 60,
          approvals: approvalsSoFar,
          approvalsRequired,
        },
        at,
      });
      if (approval.decision !== "DENY") return;
      await tx.accessRequest.update({ where: { id: requestId }, data: { status: "DENIED", decidedAt: at, outcomeReason: approval.comment, updatedAt: at } });
      await recordEvent(tx, { actor: approver, action: "request.denied", subject, data: { reason: approval.comment }, at });
    });
    if (approval.decision === "DENY") return;
    if (approvalsSoFar >= approvalsRequired) {
      approve(approval.at, approver, recorded);
      return;
    }
  }

  const cancelled = story.cancelled;
  if (cancelled) {
    const actor: Actor = cancelled.by ? { kind: "USER", id: ids.users[cancelled.by] } : { kind: "AGENT", id: agentId };
    timeline.at(cancelled.at, async (tx, at) => {
      await tx.accessRequest.update({ where: { id: requestId }, data: { status: "CANCELLED", outcomeReason: cancelled.reason, updatedAt: at } });
      await recordEvent(tx, { actor, action: "request.cancelled", subject, data: { reason: cancelled.reason }, at });
    });
    return;
  }

  const lapsesAt = story.filedAt + PENDING_LIFETIME_MS;
  if (lapsesAt > 0) return;
  timeline.at(lapsesAt, async (tx, at) => {
    const reason = "No decision within 24 hours";
    await tx.accessRequest.update({ where: { id: requestId }, data: { status: "EXPIRED", outcomeReason: reason, updatedAt: at } });
    await recordEvent(tx, { actor: SYSTEM_ACTOR, action: "request.expired", subject, data: { reason }, at });
  });
}
