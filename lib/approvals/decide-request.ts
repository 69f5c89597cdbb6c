import { prisma, type Tx } from "@/lib/db";
import { mayDecideRequest, notAnApprover, refusalToDecide } from "@/lib/authorization/rules";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { AppError, conflict, notFound } from "@/lib/kernel/errors";
import { issueGrant } from "@/lib/grants/issue-grant";
import { newId } from "@/lib/kernel/ids";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { describeSettlement, settledMessage } from "@/lib/requests/describe-settlement";
import { effectiveRequestStatus } from "@/lib/requests/to-request-dto";
import { checkConstraintScopes, checkNarrowing, combineNarrowing } from "@/lib/constraints/narrow-constraints";
import { storedConstraints } from "@/lib/constraints/stored-constraints";
import type { Constraints } from "@/lib/kernel/authorization-details";
import { approvalProgress } from "./approval-progress";
import { loadRouting } from "./load-routing";

/** Approving a critical scope, or a request a policy marks @stepup, needs a sign-in at most this old. */
export const STEP_UP_WINDOW_MS = 10 * 60 * 1000;

export type DecisionOutcome = "approved" | "recorded" | "denied";
/** A person deciding: when they last signed in matters, since approving a critical scope needs a recent sign-in. */
export type Approver = PersonPrincipal & { authTime: Date };

export type Decision =
  { kind: "approve"; comment: string; scopes?: string[]; durationSeconds?: number; authorizationDetails?: Constraints } | { kind: "deny"; reason: string };

/** Refusals are audited in their own transaction: the decision rolls back, the record of the attempt must not. */
async function refuse(requestId: string, agentId: string, principal: Approver, reason: string, at: Date, error: AppError): Promise<never> {
  await prisma.$transaction((tx) =>
    recordEvent(tx, {
      actor: auditActorOf(principal),
      action: "request.approval_refused",
      subject: { kind: "request", id: requestId },
      agentId,
      data: { reason },
      at,
    }),
  );
  throw error;
}

/**
 * An approver approves (optionally narrowing scopes and duration) or denies a pending request. The
 * request row is locked, so concurrent decisions serialise: the first to settle the request wins and
 * later ones get 409. Separation of duties and routing are checked here, on the server, whatever the page
 * showed. When the last required approval arrives, the grant is issued in the same transaction.
 */
export async function decideRequest(options: {
  principal: Approver;
  requestId: string;
  decision: Decision;
  clock?: Clock;
}): Promise<{ outcome: DecisionOutcome; grantId: string | null }> {
  const now = (options.clock ?? systemClock).now();
  const { principal, decision } = options;
  const actor = auditActorOf(principal);

  const pre = await prisma.accessRequest.findUnique({ where: { id: options.requestId }, include: { agent: true } });
  if (!pre) throw notFound("The access request");
  const denial = async (reason: string, error: AppError) => refuse(pre.id, pre.agentId, principal, reason, now, error);

  const refusal = refusalToDecide(principal, { agentOwnerId: pre.agent.ownerId, onBehalfOfId: pre.onBehalfOfId, filedById: pre.filedById });
  if (refusal) return denial(refusal.reason, refusal.error);

  type Settled = { outcome: DecisionOutcome; grantId: string | null };
  type Blocked = { blocked: "refused"; reason: string } | { blocked: "step-up" };
  const result = await prisma.$transaction(async (tx: Tx): Promise<Settled | Blocked> => {
    await tx.$queryRaw`SELECT id FROM "AccessRequest" WHERE id = ${pre.id} FOR UPDATE`;
    const request = await tx.accessRequest.findUniqueOrThrow({ where: { id: pre.id }, include: { approvals: true } });
    const status = effectiveRequestStatus(request, now);
    if (status !== "PENDING") throw conflict(settledMessage(await describeSettlement(tx, request, now)));

    const routing = await loadRouting(tx, request);
    if (!mayDecideRequest(principal, routing.eligibleApprovers)) return { blocked: "refused", reason: "not in an approver group for these scopes" };
    if (request.approvals.some((a) => a.approverId === principal.userId)) throw conflict("You have already decided this request");

    if (decision.kind === "deny") {
      await tx.approval.create({
        data: { id: newId("approval"), requestId: request.id, approverId: principal.userId, decision: "DENY", comment: decision.reason, createdAt: now },
      });
      await tx.accessRequest.update({ where: { id: request.id }, data: { status: "DENIED", decidedAt: now, outcomeReason: decision.reason, updatedAt: now } });
      await recordEvent(tx, {
        actor,
        action: "request.denied",
        subject: { kind: "request", id: request.id },
        agentId: request.agentId,
        data: { reason: decision.reason },
        at: now,
      });
      return { outcome: "denied" as const, grantId: null };
    }

    if (routing.stepUp && now.getTime() - principal.authTime.getTime() > STEP_UP_WINDOW_MS) return { blocked: "step-up" };

    const narrowed = decision.scopes?.length ? decision.scopes : [];
    const outside = narrowed.filter((scope) => !request.requestedScopes.includes(scope));
    if (outside.length)
      throw new AppError("BAD_REQUEST", `You can only narrow to scopes that were requested; not ${outside.join(", ")}`, {
        errors: [{ field: "scopes", message: "must be a subset of the requested scopes" }],
      });
    if (decision.durationSeconds && decision.durationSeconds > request.requestedDurationSeconds)
      throw new AppError("BAD_REQUEST", `The duration can only be shortened (at most ${request.requestedDurationSeconds} s)`, {
        errors: [{ field: "durationSeconds", message: `must be at most ${request.requestedDurationSeconds}` }],
      });
    const requestedConstraints = storedConstraints(request.authorizationDetails);
    const narrowedConstraints = decision.authorizationDetails ?? null;
    if (narrowedConstraints) {
      checkConstraintScopes(narrowedConstraints, request.requestedScopes);
      checkNarrowing(requestedConstraints, narrowedConstraints);
    }

    await tx.approval.create({
      data: {
        id: newId("approval"),
        requestId: request.id,
        approverId: principal.userId,
        decision: "APPROVE",
        comment: decision.comment,
        narrowedScopes: narrowed,
        narrowedDurationSeconds: decision.durationSeconds ?? null,
        ...(narrowedConstraints && { narrowedAuthorizationDetails: narrowedConstraints }),
        createdAt: now,
      },
    });
    const vote = {
      approverId: principal.userId,
      decision: "APPROVE" as const,
      narrowedScopes: narrowed,
      narrowedDurationSeconds: decision.durationSeconds ?? null,
      narrowedAuthorizationDetails: narrowedConstraints as unknown,
    };
    await recordEvent(tx, {
      actor,
      action: "request.approval_recorded",
      subject: { kind: "request", id: request.id },
      agentId: request.agentId,
      data: {
        comment: decision.comment,
        narrowedScopes: narrowed,
        narrowedDurationSeconds: decision.durationSeconds ?? null,
        ...(narrowedConstraints && { narrowedAuthorizationDetails: narrowedConstraints }),
      },
      at: now,
    });
    // Counted from who sits in the deciding groups now: an approval from someone since removed (or the
    // filer's own) stays on record but neither fills a seat nor narrows the grant.
    const progress = approvalProgress({
      scopes: routing.routed,
      membersOf: routing.membersOf,
      votes: [...request.approvals, vote],
      filedById: request.filedById,
      requestedDurationSeconds: request.requestedDurationSeconds,
    });
    if (progress.grantedScopes.length === 0)
      throw new AppError("BAD_REQUEST", "The approvals together leave no scope to grant", {
        errors: [{ field: "scopes", message: "leaves nothing in common with earlier approvals" }],
      });
    // Combined as scopes are: every counted approval that narrowed the constraints restricts them further.
    const authorizationDetails = combineNarrowing(
      requestedConstraints,
      progress.counted.map((vote) => storedConstraints(vote.narrowedAuthorizationDetails)),
    );
    if (!progress.met) return { outcome: "recorded" as const, grantId: null };

    const { grantedScopes, durationSeconds } = progress;
    await tx.accessRequest.update({ where: { id: request.id }, data: { status: "APPROVED", decidedAt: now, updatedAt: now } });
    await recordEvent(tx, {
      actor,
      action: "request.approved",
      subject: { kind: "request", id: request.id },
      agentId: request.agentId,
      data: {
        approvers: [...new Set(progress.counted.map((a) => a.approverId))],
        notCounted: progress.notCounted.map(({ vote: a, reason }) => ({ approverId: a.approverId, reason })),
        scopes: grantedScopes,
        durationSeconds,
        ...(authorizationDetails && { authorizationDetails }),
      },
      at: now,
    });
    const grant = await issueGrant(tx, {
      requestId: request.id,
      agentId: request.agentId,
      onBehalfOfId: request.onBehalfOfId,
      scopes: grantedScopes,
      durationSeconds,
      incidentId: request.incidentId,
      contextRef: request.contextRef,
      authorizationDetails,
      grantedBy: actor,
      now,
    });
    return { outcome: "approved" as const, grantId: grant.id };
  });

  if ("blocked" in result && result.blocked === "refused") return denial(result.reason, notAnApprover());
  if ("blocked" in result)
    throw new AppError(
      "FORBIDDEN",
      "Approving this request (a critical scope, or a policy's @stepup) needs a sign-in from the last 10 minutes. Sign in again, then approve.",
      {
        errors: [{ field: "stepUp", message: "re-authentication required" }],
      },
    );
  return result;
}
