import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { requireAdmin } from "@/lib/authorization/rules";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { conflict } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { auditActorOf, type Principal } from "@/lib/kernel/principal";
import { readActivePolicySet } from "./active-policy-set";
import { checkPolicySet } from "./check-policy-set";
import { hashPolicySet, sortPolicies } from "./hash-policy-set";
import { presentPolicyProposals, proposalInclude } from "./present-policy-proposals";
import type { PolicyProposalDto } from "./review-schemas";
import type { PolicyDocument } from "./schemas";

/**
 * An admin proposes a whole new policy set; it waits for a different admin. It is refused when it does
 * not validate (400, naming policy, line and column) and when it is the active set already (409).
 */
export async function proposePolicySet(options: { principal: Principal; policies: PolicyDocument[]; note: string; clock?: Clock }): Promise<PolicyProposalDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  checkPolicySet(options.policies);
  const policies = sortPolicies(options.policies);
  const hash = hashPolicySet(policies);
  return prisma.$transaction(async (tx) => {
    const active = await readActivePolicySet(tx, now);
    if (active.version.hash === hash) throw conflict(`This is the active policy set already (version ${active.version.id}): there is nothing to propose`);
    const proposal = await tx.policyProposal.create({
      data: {
        id: newId("policyProposal"),
        policies,
        hash,
        note: options.note,
        baseVersionId: active.version.id,
        proposedById: auditActorOf(options.principal).id!,
        createdAt: now,
      },
      include: proposalInclude,
    });
    const [dto] = await presentPolicyProposals(tx, [proposal], now);
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "policy.proposed",
      subject: { kind: "policy", id: proposal.id },
      data: { hash, baseVersionId: active.version.id, baseHash: active.version.hash, note: options.note, changes: dto!.changes },
      at: now,
    });
    return dto!;
  });
}
