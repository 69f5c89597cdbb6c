import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { mayDo } from "@/lib/auth/role-abilities";
import { AppError } from "@/lib/kernel/errors";
import type { PersonPrincipal, Principal, PrincipalKind } from "@/lib/kernel/principal";

/**
 * Every authorization rule of Baton, each written once: the doors and the domain functions call these and
 * never test roles or caller kinds themselves. The roles a rule reads come from the role table
 * (lib/auth/role-abilities.ts). A refusal is an AppError, mapped to its HTTP answer in lib/http/problem.ts.
 */

const personRole = (principal: Principal): Role | null => (principal.kind === "person" ? principal.role : null);

/** Admins manage people, agents, scopes, groups, resource servers, integrations and keys. */
export function mayAdminister(principal: Principal): boolean {
  const role = personRole(principal);
  return role !== null && mayDo(role, "administer");
}

export function requireAdmin(principal: Principal): void {
  if (!mayAdminister(principal)) throw new AppError("FORBIDDEN", "This needs the admin role");
}

/**
 * Who may read, export and verify the audit log: admins, approvers and incident commanders — the people
 * who answer for decisions. Viewers see the live state but not the log, which names every person,
 * sign-in failure and refusal.
 */
export function mayReadAudit(principal: Pick<PersonPrincipal, "role">): boolean {
  return mayDo(principal.role, "readAudit");
}

export function requireAuditReader(principal: Pick<PersonPrincipal, "role">): void {
  if (!mayReadAudit(principal)) throw new AppError("FORBIDDEN", "Your role does not allow reading the audit log");
}

/** Commanders and admins run incidents at all (which ones: mayRunIncident); the incident pages' forms admit only them. */
export function mayCommandIncidents(principal: Principal): boolean {
  const role = personRole(principal);
  return role !== null && mayDo(role, "runIncidents");
}

/** Commanders and admins open incidents by hand; an incident tool opens them through its integration. */
export function mayOpenIncidents(principal: Principal): boolean {
  return principal.kind === "integration" || mayCommandIncidents(principal);
}

/**
 * Who runs an incident (grants authority for it, hands it over, resolves it): admins any; a commander the
 * incidents they command, and those nobody commands yet; an integration the incidents it opened.
 * Viewers and approvers none.
 */
export function mayRunIncident(principal: Principal, incident: { commanderId: string | null; externalSource: string | null }): boolean {
  if (principal.kind === "integration") return incident.externalSource === principal.slug;
  if (principal.kind !== "person") return false;
  if (mayDo(principal.role, "administer")) return true;
  return mayDo(principal.role, "runIncidents") && (incident.commanderId === null || incident.commanderId === principal.userId);
}

/** Nobody approves what they own, asked for, or would act through: the agent's owner, the on-behalf-of person, the filer. */
export function conflictOfInterest(
  approverId: string,
  request: { agentOwnerId: string; onBehalfOfId: string | null; filedById: string | null },
): string | null {
  if (approverId === request.agentOwnerId) return "you own the agent that asked";
  if (approverId === request.onBehalfOfId) return "the agent acts on your behalf";
  if (approverId === request.filedById) return "you filed this request";
  return null;
}

/** Approvers, commanders and admins decide requests routed to their groups; viewers never. */
export function mayDecideRequests(principal: Principal): boolean {
  const role = personRole(principal);
  return role !== null && mayDo(role, "decideRequests");
}

/** Why this person may not decide this request at all, before routing is looked at: their role, or separation of duties. */
export function refusalToDecide(
  principal: PersonPrincipal,
  request: { agentOwnerId: string; onBehalfOfId: string | null; filedById: string | null },
): { reason: string; error: AppError } | null {
  if (!mayDecideRequests(principal)) return { reason: "viewer role", error: new AppError("FORBIDDEN", "Viewers cannot decide requests") };
  const interest = conflictOfInterest(principal.userId, request);
  if (interest) return { reason: `separation of duties: ${interest}`, error: new AppError("FORBIDDEN", `You cannot decide this request: ${interest}`) };
  return null;
}

/** Routing: only members of an approver group deciding one of the requested scopes may decide. */
export function mayDecideRequest(principal: PersonPrincipal, eligibleApprovers: ReadonlySet<string>): boolean {
  return eligibleApprovers.has(principal.userId);
}

export const notAnApprover = () => new AppError("FORBIDDEN", "You are not an approver for the scopes of this request");

/**
 * The grants a principal may end, as a query condition — so "not yours" reads exactly like "not found":
 * an agent its own; a person any grant if admin, else those of the agents they own (whatever their role)
 * and those holding a scope their approver group decides. Anyone else none.
 */
export async function revocableGrantsWhere(principal: Principal, scopesDecidedBy: (userId: string) => Promise<string[]>): Promise<Prisma.GrantWhereInput> {
  if (principal.kind === "agent") return { agentId: principal.agentId };
  if (principal.kind !== "person") return { id: { in: [] } };
  if (mayAdminister(principal)) return {};
  return { OR: [{ agent: { ownerId: principal.userId } }, { scopes: { hasSome: await scopesDecidedBy(principal.userId) } }] };
}

/**
 * Who may call an /api/v1 route: agents (agent key), admins (personal token of an admin), commanders
 * (personal token of a commander or an admin), resource servers (their secret), incident-tool
 * integrations (their credential).
 */
export type CallerKind = Exclude<PrincipalKind, "person" | "system"> | "admin" | "commander";

const ROUTE_IS_FOR: Record<CallerKind, string> = {
  agent: "agents (agent key)",
  admin: "administrators (an admin's personal token)",
  commander: "incident commanders and administrators (their personal token)",
  "resource-server": "resource servers (their batonrs_ secret)",
  integration: "incident-tool integrations (their batonint_ credential)",
};

const PERSON_CALLERS: Partial<Record<CallerKind, (role: Role) => boolean>> = {
  admin: (role) => mayDo(role, "administer"),
  commander: (role) => mayDo(role, "runIncidents"),
};

function fits(caller: CallerKind, principal: Principal): boolean {
  const roleFits = PERSON_CALLERS[caller];
  if (roleFits) return principal.kind === "person" && roleFits(principal.role);
  return principal.kind === caller;
}

/** Each kind of credential reaches only the routes made for it: the wrong kind is a 403, never a partial answer. */
export function requireCallerKind(allowed: readonly CallerKind[], principal: Principal): void {
  if (allowed.some((caller) => fits(caller, principal))) return;
  const personRoutes = allowed.filter((caller) => PERSON_CALLERS[caller]);
  if (principal.kind === "person" && personRoutes.length)
    throw new AppError("FORBIDDEN", `This route needs the ${personRoutes.includes("commander") ? "commander or admin" : "admin"} role`);
  throw new AppError("FORBIDDEN", `This route is for ${allowed.map((caller) => ROUTE_IS_FOR[caller]).join(" or ")}`);
}

/** The MCP endpoint serves agents only. */
export function requireAgent(principal: Principal): asserts principal is Principal & { kind: "agent" } {
  if (principal.kind !== "agent") throw new AppError("FORBIDDEN", "The MCP endpoint is for agents: authenticate with an agent key");
}

/**
 * Policy changes take two admins: any admin may propose one, and only a different admin may approve it,
 * so one admin alone can never widen access. The proposer may still reject (withdraw) their own.
 */
export function mayApprovePolicyProposal(principal: Principal, proposal: { proposedById: string }): boolean {
  return mayAdminister(principal) && principal.kind === "person" && principal.userId !== proposal.proposedById;
}

export function requirePolicyApprover(principal: Principal, proposal: { proposedById: string }): void {
  requireAdmin(principal);
  if (!mayApprovePolicyProposal(principal, proposal))
    throw new AppError("FORBIDDEN", "You proposed this change: a different admin must approve it (you may withdraw it by rejecting it)");
}
