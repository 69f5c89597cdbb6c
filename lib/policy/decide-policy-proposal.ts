import { prisma, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { requireAdmin, requirePolicyApprover } from "@/lib/authorization/rules";
import { awaitChangeHeard } from "@/lib/events/change-feed";
import type { PolicyProposal } from "@/lib/generated/prisma/client";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict, notFound } from "@/lib/kernel/errors";
import { auditActorOf, type Principal } from "@/lib/kernel/principal";
import { activatePolicySet, activeVersionId } from "./active-policy-set";
import { presentPolicyProposals, proposalInclude } from "./present-policy-proposals";
import type { PolicyProposalDto } from "./review-schemas";
import { policyListSchema } from "./schemas";

/** The proposal, locked for the rest of the transaction, so two decisions on it have exactly one outcome. */
async function lockPendingProposal(tx: Tx, id: string): Promise<PolicyProposal> {
  await tx.$queryRaw`SELECT id FROM "PolicyProposal" WHERE id = ${id} FOR UPDATE`;
  const proposal = await tx.policyProposal.findUnique({ where: { id } });
  if (!proposal) throw notFound("The policy proposal");
  if (proposal.status !== "PENDING")
    throw conflict(
      `The proposal was already ${proposal.status === "APPROVED" ? "approved" : "rejected"} at ${proposal.decidedAt?.toISOString() ?? "an unknown time"}`,
    );
  return proposal;
}

async function decide(options: { proposalId: string; clock?: Clock }, step: (tx: Tx, now: Date) => Promise<bigint>): Promise<PolicyProposalDto> {
  const now = (options.clock ?? systemClock).now();
  const { dto, announced } = await prisma.$transaction(async (tx) => {
    const announced = await step(tx, now);
    const row = await tx.policyProposal.findUniqueOrThrow({ where: { id: options.proposalId }, include: proposalInclude });
    const [dto] = await presentPolicyProposals(tx, [row], now);
    return { dto: dto!, announced };
  });
  await awaitChangeHeard(announced);
  return dto;
}

/**
 * A different admin approves a pending proposal: its set becomes the active version in the same
 * transaction (activatePolicySet validates it again and audits `policy.activated`). A proposal written
 * against a version that is no longer active is refused with 409, so one approval never silently drops
 * another change; the base version's row is locked first, so two approvals racing on one base see each other.
 */
export async function approvePolicyProposal(options: { principal: Principal; proposalId: string; note?: string; clock?: Clock }): Promise<PolicyProposalDto> {
  requireAdmin(options.principal);
  return decide(options, async (tx, now) => {
    const proposal = await lockPendingProposal(tx, options.proposalId);
    requirePolicyApprover(options.principal, proposal);
    await tx.$queryRaw`SELECT id FROM "PolicySetVersion" WHERE id = ${proposal.baseVersionId} FOR UPDATE`;
    const active = await activeVersionId(tx, now);
    if (active !== proposal.baseVersionId)
      throw conflict(
        `The proposal was written against version ${proposal.baseVersionId}, but ${active} is active now: propose the change again against the active set`,
      );
    const actor = auditActorOf(options.principal);
    await tx.policyProposal.update({
      where: { id: proposal.id },
      data: { status: "APPROVED", decidedById: actor.id, decidedAt: now, decisionNote: options.note ?? null },
    });
    const version = await activatePolicySet(tx, {
      policies: policyListSchema.parse(proposal.policies),
      note: proposal.note,
      authorId: proposal.proposedById,
      approvedBy: actor,
      proposalId: proposal.id,
      now,
    });
    const event = await tx.auditEvent.findFirstOrThrow({ where: { subjectKind: "policy", subjectId: version.id }, select: { seq: true } });
    return event.seq;
  });
}

/** Any admin rejects a pending proposal; the proposer rejecting their own withdraws it. Audited as `policy.proposal_rejected`. */
export async function rejectPolicyProposal(options: { principal: Principal; proposalId: string; note?: string; clock?: Clock }): Promise<PolicyProposalDto> {
  requireAdmin(options.principal);
  return decide(options, async (tx, now) => {
    const proposal = await lockPendingProposal(tx, options.proposalId);
    const actor = auditActorOf(options.principal);
    const withdrawn = actor.id === proposal.proposedById;
    await tx.policyProposal.update({
      where: { id: proposal.id },
      data: { status: "REJECTED", decidedById: actor.id, decidedAt: now, decisionNote: options.note ?? null },
    });
    const event = await recordEvent(tx, {
      actor,
      action: "policy.proposal_rejected",
      subject: { kind: "policy", id: proposal.id },
      data: { withdrawn, note: options.note ?? null, hash: proposal.hash },
      at: now,
    });
    return event.seq;
  });
}
