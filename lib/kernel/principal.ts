import type { ActorKind, Role } from "@/lib/generated/prisma/enums";

/**
 * Who is acting, whichever door they came through: every door (the /api/v1 wrapper, /api/ui, server
 * actions, pages, MCP over stdio and HTTP, jobs) turns its credential into one of these, and every
 * domain function takes it as `principal`. The authorization rules (lib/authorization) read it.
 */
export type Principal = PersonPrincipal | AgentPrincipal | IntegrationPrincipal | ResourceServerPrincipal | SystemPrincipal;

/** A person, signed in to the browser (session) or calling with a personal token. */
export interface PersonPrincipal {
  kind: "person";
  userId: string;
  role: Role;
  /** How the door authenticated them; absent only for principals built in-process (tests, seeding, the CLI's direct calls). */
  authenticatedBy?: "session" | "personal-token";
  /** When they signed in, where the door knows it (sessions): approving a critical scope needs a recent sign-in. */
  authTime?: Date;
}

/**
 * An agent; `credential` says how it authenticated: its static agent key, or a short-lived access token
 * Baton issued for a workload identity token of its platform (workload identity federation).
 */
export type AgentPrincipal = AgentIdentity & (AgentKeyCredential | AgentAccessTokenCredential);

interface AgentIdentity {
  kind: "agent";
  agentId: string;
  agentName: string;
  ownerId: string;
}

interface AgentKeyCredential {
  credential: "agent-key";
  keyId: string;
  keyPrefix: string;
}

interface AgentAccessTokenCredential {
  credential: "access-token";
  /** The federated identity the workload token matched when the access token was issued. */
  federatedIdentityId: string;
  /** The access token's `jti` and its end. */
  tokenId: string;
  expiresAt: Date;
}

/** What rate limits and sessions are counted by: the agent key, or the federated identity behind an access token. */
export function agentCredentialId(principal: AgentPrincipal): string {
  return principal.credential === "agent-key" ? principal.keyId : principal.federatedIdentityId;
}

/** An incident tool (PagerDuty, incident.io …) calling with its `batonint_` credential. */
export interface IntegrationPrincipal {
  kind: "integration";
  integrationId: string;
  slug: string;
}

/** A resource server asking for decisions or introspection with its `batonrs_` secret. */
export interface ResourceServerPrincipal {
  kind: "resource-server";
  resourceServerId: string;
  name: string;
  audience: string;
}

/** Baton itself: a background job, a scheduler, start-up. */
export interface SystemPrincipal {
  kind: "system";
  job: string;
}

export type PrincipalKind = Principal["kind"];

/** Who an audit event is attributed to, as stored on the event. */
export interface AuditActor {
  kind: ActorKind;
  id: string | null;
}

export const SYSTEM_AUDIT_ACTOR: AuditActor = { kind: "SYSTEM", id: null };

/** Nobody known: a refused credential, a sign-in that names no Baton account. */
export const ANONYMOUS_AUDIT_ACTOR: AuditActor = { kind: "ANONYMOUS", id: null };

export const personPrincipal = (userId: string, role: Role, known: Pick<PersonPrincipal, "authenticatedBy" | "authTime"> = {}): PersonPrincipal => ({
  kind: "person",
  userId,
  role,
  ...known,
});

export const systemPrincipal = (job: string): SystemPrincipal => ({ kind: "system", job });

/** The one mapping from who acted to who the audit log says acted. */
export function auditActorOf(principal: Principal): AuditActor {
  switch (principal.kind) {
    case "person":
      return { kind: "USER", id: principal.userId };
    case "agent":
      return { kind: "AGENT", id: principal.agentId };
    case "integration":
      return { kind: "INTEGRATION", id: principal.integrationId };
    case "resource-server":
      return { kind: "RESOURCE_SERVER", id: principal.resourceServerId };
    case "system":
      return SYSTEM_AUDIT_ACTOR;
  }
}
