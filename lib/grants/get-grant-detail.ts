import { listGrantCredentials } from "@/lib/credentials/list-grant-credentials";
import { prisma } from "@/lib/db";
import { type PersonPrincipal } from "@/lib/kernel/principal";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { presentEvents } from "@/lib/audit/present-events";
import { effectiveGrantState } from "./grant-validity";
import { revocableBy } from "./revoke-grant";
import { toGrantDto } from "./to-grant-dto";
import { storedConstraints } from "@/lib/constraints/stored-constraints";

const SCOPE_FALLBACK = { risk: "LOW", description: "" };

/**
 * One grant with its full provenance — the agent, who asked and for whom, what was asked against what
 * was granted, who approved, how it ended — its audit history and whether this viewer may revoke it
 * (by the very condition revokeGrant applies). Null when missing.
 */
export async function getGrantDetail(options: { principal: PersonPrincipal; grantId: string; clock?: Clock }) {
  const now = (options.clock ?? systemClock).now();
  const row = await prisma.grant.findUnique({
    where: { id: options.grantId },
    include: {
      onBehalfOf: true,
      incident: true,
      agent: { include: { owner: true } },
      request: { include: { filedBy: true, approvals: { include: { approver: true }, orderBy: { createdAt: "asc" } } } },
    },
  });
  if (!row) return null;
  const request = row.request;
  const revocable = await prisma.grant.count({ where: { id: row.id, ...(await revocableBy(prisma, options.principal)) } });
  const scopeKeys = [...new Set([...row.scopes, ...(request?.requestedScopes ?? [])])];
  const scopes = new Map(
    (await prisma.scope.findMany({ where: { key: { in: scopeKeys } }, select: { key: true, risk: true, description: true } })).map((s) => [s.key, s]),
  );
  const withRisk = (key: string) => ({ key, ...(scopes.get(key) ?? SCOPE_FALLBACK) });

  const history = await prisma.auditEvent.findMany({
    where: { subjectId: { in: [row.id, ...(request ? [request.id] : [])] } },
    orderBy: { seq: "asc" },
    take: 200,
  });
  const userIds = [...new Set([...history.map((e) => e.actorId), row.grantedById, row.revokedById].filter((id): id is string => !!id))];
  const names = new Map((await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const actorName = (kind: string | null, id: string | null) =>
    kind === "AGENT" ? row.agent.name : kind === "USER" ? (names.get(id ?? "") ?? id ?? "unknown") : (kind ?? "system").toLowerCase();

  const grant = toGrantDto(row, now);
  const grantedSeconds = Math.round((row.expiresAt.getTime() - row.startsAt.getTime()) / 1000);
  const state = effectiveGrantState(row, now);
  return {
    ...grant,
    agent: { id: row.agent.id, name: row.agent.name, owner: { name: row.agent.owner.name, email: row.agent.owner.email } },
    onBehalfOf: row.onBehalfOf ? { name: row.onBehalfOf.name, email: row.onBehalfOf.email } : null,
    scopes: row.scopes.map(withRisk),
    durationSeconds: grantedSeconds,
    incident: row.incident ? { id: row.incident.id, title: row.incident.title, severity: row.incident.severity, status: row.incident.status } : null,
    grantedBy: actorName(row.grantedByKind, row.grantedById),
    origin: request
      ? {
          kind: row.grantedByKind === "SYSTEM" ? ("auto-approved" as const) : ("approved" as const),
          requestId: request.id,
          filedBy: request.filedBy ? { name: request.filedBy.name, email: request.filedBy.email } : null,
          justification: request.justification,
          requestedScopes: request.requestedScopes.map(withRisk),
          requestedDurationSeconds: request.requestedDurationSeconds,
          requestedAuthorizationDetails: storedConstraints(request.authorizationDetails),
          requestedAt: request.createdAt.toISOString(),
          droppedScopes: request.requestedScopes.filter((key) => !row.scopes.includes(key)),
          durationShortened: grantedSeconds < request.requestedDurationSeconds,
          approvals: request.approvals.map((a) => ({
            approver: a.approver.name,
            decision: a.decision,
            comment: a.comment,
            narrowedScopes: a.narrowedScopes,
            narrowedDurationSeconds: a.narrowedDurationSeconds,
            narrowedAuthorizationDetails: storedConstraints(a.narrowedAuthorizationDetails),
            at: a.createdAt.toISOString(),
            // The filer's own approval (an incident commander's) is on record but never counted.
            notCounted: a.approverId === request.filedById && a.decision === "APPROVE" ? ("filed the request" as const) : null,
          })),
        }
      : { kind: "direct" as const, reason: row.reason },
    revokedBy: row.revokedAt ? actorName(row.revokedByKind, row.revokedById) : null,
    canRevoke: revocable > 0 && (state === "ACTIVE" || state === "NOT_STARTED"),
    history: await presentEvents(history),
    credentials: await listGrantCredentials(row.id, now),
  };
}

export type GrantDetail = NonNullable<Awaited<ReturnType<typeof getGrantDetail>>>;
