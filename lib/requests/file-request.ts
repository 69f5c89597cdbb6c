import { prisma, type Tx } from "@/lib/db";
import { canonicalJson, type JsonValue } from "@/lib/audit/hash-event";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { sha256Hex } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { AppError, conflict } from "@/lib/kernel/errors";
import { issueGrant } from "@/lib/grants/issue-grant";
import { newId } from "@/lib/kernel/ids";
import { lockOpenIncident } from "@/lib/incidents/lock-open-incident";
import type { User } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "@/lib/kernel/normalize-email";
import { auditActorOf, SYSTEM_AUDIT_ACTOR, type AgentPrincipal } from "@/lib/kernel/principal";
import { readActivePolicySet } from "@/lib/policy/active-policy-set";
import { decideFiling, type FilingRouting } from "@/lib/policy/decide-filing";
import { loadFilingFacts } from "@/lib/policy/load-filing-facts";
import { checkConstraintScopes } from "@/lib/constraints/narrow-constraints";
import { checkRequestedScopes } from "./check-requested-scopes";
import type { AccessRequestDto, FileRequestBody } from "./schemas";
import { requestInclude, toRequestDto } from "./to-request-dto";

export interface FiledRequest {
  request: AccessRequestDto;
  /** True when an earlier call with the same idempotency key and body already filed it. */
  replayed: boolean;
}

const idempotencyMismatch = () =>
  new AppError("UNPROCESSABLE", "This Idempotency-Key was already used with a different request body", {
    errors: [{ field: "Idempotency-Key", message: "was used with a different body" }],
  });

async function findReplay(agentId: string, idempotencyKey: string, bodyHash: string, now: Date): Promise<FiledRequest | null> {
  const earlier = await prisma.accessRequest.findUnique({ where: { agentId_idempotencyKey: { agentId, idempotencyKey } }, include: requestInclude });
  if (!earlier) return null;
  if (earlier.idempotencyHash !== bodyHash) throw idempotencyMismatch();
  return { request: toRequestDto(earlier, now), replayed: true };
}

async function checkContext(tx: Tx, input: FileRequestBody) {
  let onBehalfOf: User | null = null;
  if (input.onBehalfOf) {
    onBehalfOf = await tx.user.findUnique({ where: { email: normalizeEmail(input.onBehalfOf) } });
    if (!onBehalfOf || onBehalfOf.disabled)
      throw new AppError("BAD_REQUEST", `No active Baton user has the email ${input.onBehalfOf}`, {
        errors: [{ field: "onBehalfOf", message: "is not an active Baton user" }],
      });
  }
  if (input.incidentId) await lockOpenIncident(tx, input.incidentId, "incidentId");
  return { onBehalfOf };
}

const STATUS_OF = { denied: "DENIED", auto_approved: "APPROVED", routed: "PENDING" } as const;

/** What the audit log keeps of a routing: the outcome, the deciding policies and the set's version. */
export const auditedRouting = (routing: FilingRouting) => ({
  outcome: routing.outcome,
  policies: routing.policies.map((policy) => policy.id),
  policySetHash: routing.policySetHash,
  ...(routing.policyError ? { policyError: true } : {}),
});

/** Why the policy set denied a request, in one line for the request's reason. */
const denialReason = (routing: FilingRouting) =>
  [...routing.policies.map((policy) => `${policy.reason} (${policy.id})`), ...routing.notes].join("; ") || "Denied by policy";

/**
 * An agent asks for scopes. Checks the catalog (unknown → 400), the agent's eligibility (→ 403), each
 * scope's maximum duration (→ 400), then files the request and lets the active policy set decide, in the
 * same transaction: denied (filed as DENIED, with the forbidding policies), granted at once (the grant is
 * issued), or routed to the approvers the policies name. The routing and its reasons are stored with it.
 * With an idempotency key, a retry with the same body returns the same request.
 */
export async function fileRequest(options: {
  principal: AgentPrincipal;
  input: FileRequestBody;
  idempotencyKey?: string;
  clock?: Clock;
}): Promise<FiledRequest> {
  const now = (options.clock ?? systemClock).now();
  const { principal, input, idempotencyKey } = options;
  const { agentId } = principal;
  checkConstraintScopes(input.authorizationDetails, input.scopes);
  const bodyHash = sha256Hex(canonicalJson(input as unknown as JsonValue));
  if (idempotencyKey) {
    const replay = await findReplay(agentId, idempotencyKey, bodyHash, now);
    if (replay) return replay;
  }
  try {
    return await prisma.$transaction(async (tx) => {
      // Shares the agent row with other filings but waits for a concurrent disable, which would otherwise miss this request.
      const [agent] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "Agent" WHERE id = ${agentId} FOR SHARE`;
      if (!agent || agent.status !== "ACTIVE") throw new AppError("FORBIDDEN", "The agent is disabled");

      const scopes = await checkRequestedScopes(tx, { agentId, scopeKeys: input.scopes, durationSeconds: input.durationSeconds });
      const { onBehalfOf } = await checkContext(tx, input);
      const onBehalfOfId = onBehalfOf?.id ?? null;

      const requestId = newId("request");
      const policySet = await readActivePolicySet(tx, now);
      const facts = await loadFilingFacts(tx, {
        agentId,
        scopeKeys: scopes.map((scope) => scope.key),
        request: {
          id: requestId,
          durationSeconds: input.durationSeconds,
          justification: input.justification,
          contextRef: input.contextRef ?? null,
          locations: [...new Set((input.authorizationDetails ?? []).flatMap((entry) => entry.locations ?? []))],
          actions: [...new Set((input.authorizationDetails ?? []).flatMap((entry) => entry.actions ?? []))],
        },
        onBehalfOfId,
        incidentId: input.incidentId ?? null,
        now,
      });
      const routing = decideFiling(policySet.compiled, facts);
      const status = STATUS_OF[routing.outcome];
      const request = await tx.accessRequest.create({
        data: {
          id: requestId,
          agentId,
          onBehalfOfId,
          requestedScopes: input.scopes,
          justification: input.justification,
          requestedDurationSeconds: input.durationSeconds,
          incidentId: input.incidentId ?? null,
          contextRef: input.contextRef ?? null,
          ...(input.authorizationDetails && { authorizationDetails: input.authorizationDetails }),
          status,
          decidedAt: status === "PENDING" ? null : now,
          outcomeReason: status === "DENIED" ? denialReason(routing) : null,
          pendingExpiresAt: new Date(now.getTime() + env().BATON_PENDING_REQUEST_TTL_SECONDS * 1000),
          idempotencyKey: idempotencyKey ?? null,
          idempotencyHash: idempotencyKey ? bodyHash : null,
          routing: JSON.parse(JSON.stringify(routing)),
          policySetHash: routing.policySetHash,
          createdAt: now,
          updatedAt: now,
        },
      });
      // The audit append serialises every writer, so the answer is built from what is at hand, not read after it.
      await recordEvent(tx, {
        actor: auditActorOf(principal),
        action: "request.filed",
        subject: { kind: "request", id: request.id },
        agentId,
        data: {
          scopes: input.scopes,
          durationSeconds: input.durationSeconds,
          onBehalfOf: input.onBehalfOf ?? null,
          incidentId: input.incidentId ?? null,
          contextRef: input.contextRef ?? null,
          ...(input.authorizationDetails && { authorizationDetails: input.authorizationDetails }),
          routing: auditedRouting(routing),
        },
        at: now,
      });
      if (routing.outcome === "routed") return { request: toRequestDto({ ...request, onBehalfOf, grant: null }, now), replayed: false };
      if (routing.outcome === "denied") {
        await recordEvent(tx, {
          actor: SYSTEM_AUDIT_ACTOR,
          action: "request.denied",
          subject: { kind: "request", id: request.id },
          agentId,
          data: { reason: request.outcomeReason, route: "policy", ...auditedRouting(routing) },
          at: now,
        });
        return { request: toRequestDto({ ...request, onBehalfOf, grant: null }, now), replayed: false };
      }

      await recordEvent(tx, {
        actor: SYSTEM_AUDIT_ACTOR,
        action: "request.approved",
        subject: { kind: "request", id: request.id },
        agentId,
        data: { route: "auto-approve", ...auditedRouting(routing) },
        at: now,
      });
      const grant = await issueGrant(tx, {
        requestId: request.id,
        agentId,
        onBehalfOfId,
        scopes: input.scopes,
        durationSeconds: input.durationSeconds,
        incidentId: request.incidentId,
        contextRef: request.contextRef,
        authorizationDetails: input.authorizationDetails ?? null,
        grantedBy: SYSTEM_AUDIT_ACTOR,
        now,
      });
      return { request: toRequestDto({ ...request, onBehalfOf, grant: { ...grant, onBehalfOf } }, now), replayed: false };
    });
  } catch (error) {
    // Two concurrent calls with one idempotency key: the unique index lets one file; the other replays it.
    if (idempotencyKey && (error as { code?: string }).code === "P2002") {
      const replay = await findReplay(agentId, idempotencyKey, bodyHash, now);
      if (replay) return replay;
    }
    if ((error as { code?: string }).code === "P2002") throw conflict("A concurrent request conflicted; retry");
    throw error;
  }
}
