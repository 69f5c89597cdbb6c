import type { AccessRequest, Grant, User } from "@/lib/generated/prisma/client";
import { toGrantDto } from "@/lib/grants/to-grant-dto";
import { readStoredRouting, toRoutingDto } from "@/lib/policy/routing-schemas";
import { storedConstraints } from "@/lib/constraints/stored-constraints";
import type { AccessRequestDto } from "./schemas";

export const requestInclude = { onBehalfOf: true, grant: { include: { onBehalfOf: true } } } as const;

type RequestRow = AccessRequest & { onBehalfOf: User | null; grant: (Grant & { onBehalfOf: User | null }) | null };

/** A pending request past its lapse time reads as EXPIRED at once, before any job marks it. */
export function effectiveRequestStatus(request: Pick<AccessRequest, "status" | "pendingExpiresAt">, now: Date) {
  return request.status === "PENDING" && request.pendingExpiresAt.getTime() <= now.getTime() ? "EXPIRED" : request.status;
}

export function toRequestDto(request: RequestRow, now: Date): AccessRequestDto {
  return {
    id: request.id,
    status: effectiveRequestStatus(request, now),
    agentId: request.agentId,
    scopes: request.requestedScopes,
    justification: request.justification,
    durationSeconds: request.requestedDurationSeconds,
    onBehalfOf: request.onBehalfOf?.email ?? null,
    incidentId: request.incidentId,
    contextRef: request.contextRef,
    authorizationDetails: storedConstraints(request.authorizationDetails),
    createdAt: request.createdAt.toISOString(),
    pendingExpiresAt: request.pendingExpiresAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
    reason: request.outcomeReason,
    routing: routingOf(request.routing),
    grant: request.grant ? toGrantDto(request.grant, now) : null,
  };
}

function routingOf(stored: unknown) {
  const routing = readStoredRouting(stored);
  return routing ? toRoutingDto(routing) : null;
}
