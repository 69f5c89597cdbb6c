import type { AccessRequest } from "@/lib/generated/prisma/client";
import { actorName } from "@/lib/audit/actor-name";
import type { Tx } from "@/lib/db";
import { effectiveRequestStatus } from "./to-request-dto";

const SETTLING_ACTIONS = ["request.approved", "request.denied", "request.cancelled", "request.expired"];

export interface Settlement {
  status: string;
  /** Who settled it: a person's or agent's name, "Baton" for an automatic approval or a lapse. */
  by: string;
  reason: string | null;
}

/**
 * Who settled a request that is no longer pending, what they decided and why — read from its audit
 * events, so every refusal of a late decision can name the decider.
 */
export async function describeSettlement(
  db: Tx,
  request: Pick<AccessRequest, "id" | "status" | "pendingExpiresAt" | "outcomeReason">,
  now: Date,
): Promise<Settlement> {
  const status = effectiveRequestStatus(request, now).toLowerCase();
  const event = await db.auditEvent.findFirst({ where: { subjectId: request.id, action: { in: SETTLING_ACTIONS } }, orderBy: { seq: "desc" } });
  return { status, by: await actorName(db, event?.actorKind, event?.actorId), reason: status === "approved" ? null : request.outcomeReason };
}

/** "The request is already denied, by Dana: not during the freeze" — the 409 a late decision gets. */
export function settledMessage(settlement: Settlement, suffix = ""): string {
  const who = settlement.status === "expired" ? " (it lapsed undecided)" : `, by ${settlement.by}`;
  return `The request is already ${settlement.status}${who}${settlement.reason && settlement.status !== "expired" ? `: ${settlement.reason}` : ""}${suffix}`;
}
