import type { Tx } from "@/lib/db";
import { recordEvent, type Actor } from "@/lib/audit/record-event";
import { MINUTE_MS } from "./demo-time";

export interface DemoGrantTerms {
  id: string;
  requestId: string | null;
  agentId: string;
  onBehalfOfId: string | null;
  scopes: readonly string[];
  minutes: number;
  incidentId: string | null;
  contextRef: string | null;
  grantedBy: Actor;
}

/** Writes a grant starting at `at` and its grant.issued event. */
export async function issueDemoGrant(tx: Tx, terms: DemoGrantTerms, at: Date) {
  const expiresAt = new Date(at.getTime() + terms.minutes * MINUTE_MS);
  await tx.grant.create({
    data: {
      id: terms.id,
      requestId: terms.requestId,
      agentId: terms.agentId,
      onBehalfOfId: terms.onBehalfOfId,
      scopes: [...terms.scopes],
      startsAt: at,
      expiresAt,
      grantedByKind: terms.grantedBy.kind,
      grantedById: terms.grantedBy.id,
      incidentId: terms.incidentId,
      contextRef: terms.contextRef,
      createdAt: at,
      updatedAt: at,
    },
  });
  await recordEvent(tx, {
    actor: terms.grantedBy,
    action: "grant.issued",
    subject: { kind: "grant", id: terms.id },
    data: {
      requestId: terms.requestId,
      agentId: terms.agentId,
      onBehalfOfId: terms.onBehalfOfId,
      scopes: terms.scopes,
      startsAt: at.toISOString(),
      expiresAt: expiresAt.toISOString(),
      incidentId: terms.incidentId,
    },
    at,
  });
}
