import type { Tx } from "@/lib/db";
import type { ActorKind } from "@/lib/generated/prisma/enums";
import { recordEvent, type Actor } from "@/lib/audit/record-event";
import { newId } from "@/lib/kernel/ids";
import type { Constraints } from "@/lib/kernel/authorization-details";

export interface IssueGrantInput {
  requestId: string | null;
  agentId: string;
  onBehalfOfId: string | null;
  scopes: string[];
  durationSeconds: number;
  incidentId: string | null;
  contextRef: string | null;
  grantedBy: Actor;
  /** Why a direct grant was given; a requested grant's justification stays on its request. */
  reason?: string;
  /** RFC 9396 constraints on every call under the grant; null or absent = unconstrained. */
  authorizationDetails?: Constraints | null;
  now: Date;
}

/** Creates a grant whose clock starts now, with its audit event, inside the caller's transaction. */
export async function issueGrant(tx: Tx, input: IssueGrantInput) {
  const expiresAt = new Date(input.now.getTime() + input.durationSeconds * 1000);
  const grant = await tx.grant.create({
    data: {
      id: newId("grant"),
      requestId: input.requestId,
      agentId: input.agentId,
      onBehalfOfId: input.onBehalfOfId,
      scopes: input.scopes,
      startsAt: input.now,
      expiresAt,
      grantedByKind: input.grantedBy.kind as ActorKind,
      grantedById: input.grantedBy.id,
      incidentId: input.incidentId,
      contextRef: input.contextRef,
      reason: input.reason ?? null,
      ...(input.authorizationDetails && { authorizationDetails: input.authorizationDetails }),
      createdAt: input.now,
    },
  });
  await recordEvent(tx, {
    actor: input.grantedBy,
    action: "grant.issued",
    subject: { kind: "grant", id: grant.id },
    agentId: input.agentId,
    data: {
      requestId: input.requestId,
      scopes: input.scopes,
      expiresAt: expiresAt.toISOString(),
      incidentId: input.incidentId,
      ...(input.reason && { reason: input.reason }),
      ...(input.authorizationDetails && { authorizationDetails: input.authorizationDetails }),
    },
    at: input.now,
  });
  return grant;
}
