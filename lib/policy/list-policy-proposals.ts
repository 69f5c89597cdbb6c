import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { Principal } from "@/lib/kernel/principal";
import { presentPolicyProposals, proposalInclude } from "./present-policy-proposals";
import { policyProposalSummarySchema, type PolicyProposalDto, type PolicyProposalStatusName, type PolicyProposalSummary } from "./review-schemas";

const LIMIT = 100;

/** Policy proposals, pending first, then newest first (at most 100). Admins only. */
export async function listPolicyProposals(options: {
  principal: Principal;
  status?: PolicyProposalStatusName;
  clock?: Clock;
}): Promise<PolicyProposalSummary[]> {
  requireAdmin(options.principal);
  const rows = await prisma.policyProposal.findMany({
    where: options.status ? { status: options.status.toUpperCase() as "PENDING" | "APPROVED" | "REJECTED" } : {},
    orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    take: LIMIT,
    include: proposalInclude,
  });
  const proposals = await presentPolicyProposals(prisma, rows, (options.clock ?? systemClock).now());
  // The summary schema strips each proposal's policies and diff.
  return proposals.map((proposal) => policyProposalSummarySchema.parse(proposal));
}

/** One proposal with its policies and its diff. Admins only. */
export async function getPolicyProposal(options: { principal: Principal; proposalId: string; clock?: Clock }): Promise<PolicyProposalDto> {
  requireAdmin(options.principal);
  const row = await prisma.policyProposal.findUnique({ where: { id: options.proposalId }, include: proposalInclude });
  if (!row) throw notFound("The policy proposal");
  const [proposal] = await presentPolicyProposals(prisma, [row], (options.clock ?? systemClock).now());
  return proposal!;
}
