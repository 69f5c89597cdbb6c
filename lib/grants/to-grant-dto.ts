import type { Grant, User } from "@/lib/generated/prisma/client";
import { effectiveGrantState, secondsRemaining } from "./grant-validity";
import { storedConstraints } from "@/lib/constraints/stored-constraints";
import type { GrantDto } from "./schemas";

export const grantInclude = { onBehalfOf: true } as const;

export function toGrantDto(grant: Grant & { onBehalfOf: User | null }, now: Date): GrantDto {
  const state = effectiveGrantState(grant, now);
  return {
    id: grant.id,
    requestId: grant.requestId,
    agentId: grant.agentId,
    onBehalfOf: grant.onBehalfOf?.email ?? null,
    scopes: grant.scopes,
    status: state === "NOT_STARTED" ? "ACTIVE" : state,
    startsAt: grant.startsAt.toISOString(),
    expiresAt: grant.expiresAt.toISOString(),
    secondsRemaining: secondsRemaining(grant, now),
    incidentId: grant.incidentId,
    contextRef: grant.contextRef,
    authorizationDetails: storedConstraints(grant.authorizationDetails),
    revokedAt: grant.revokedAt?.toISOString() ?? null,
    revokeReason: grant.revokeReason,
  };
}
