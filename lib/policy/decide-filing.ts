import { formatDuration } from "@/lib/kernel/duration";
import type { CompiledPolicySet, PolicyVerdict } from "./compile-policy-set";
import { explainAll } from "./explain";
import { ROUTE_TO_ADMINS, ROUTE_TO_CATALOG } from "./policy-annotations";
import { filingQuestion, type AgentFacts, type EnvironmentFacts, type RequestFacts, type ScopeFacts } from "./policy-facts";
import type { ReadPolicy } from "./read-policy";
import type { PolicyExplanation } from "./schemas";

export type FilingOutcome = "denied" | "auto_approved" | "routed";

/** Who must approve: `quorum` distinct members of a group (null id: admins), for the scopes it covers. */
export interface RouteRequirement {
  groupId: string | null;
  group: string;
  quorum: number;
  stepUp: boolean;
  scopes: string[];
  policies: string[];
}

/** One scope's seat requirement in one group: the request's approvals are counted per scope and group. */
export interface ScopeRoute {
  scope: string;
  groupId: string | null;
  group: string;
  quorum: number;
  stepUp: boolean;
}

export interface FilingRouting {
  outcome: FilingOutcome;
  /** The policies that decided the outcome, with their reasons. */
  policies: PolicyExplanation[];
  /** Who decides a routed request (AND across groups); empty otherwise. */
  requirements: RouteRequirement[];
  /** The same, per scope: what approvals are counted against (a scope narrowed away needs none). */
  routes: ScopeRoute[];
  /** What else a reader needs to follow the outcome (fallbacks, caps, evaluation errors). */
  notes: string[];
  /** True when a policy could not be evaluated and the outcome fell back to the safe side. */
  policyError: boolean;
  policySetHash: string;
}

export interface FilingFacts {
  agent: AgentFacts;
  scopes: readonly ScopeFacts[];
  request: RequestFacts;
  env: EnvironmentFacts;
  /** Approver group name → id, for `@route`. */
  groupIds: ReadonlyMap<string, string>;
}

const ADMINS = "admins";

/**
 * The three outcomes at filing, in order. A scope that policy does not let the agent ask for (a `forbid`
 * on `request`, or no permit) denies the whole request. Otherwise, when an `autoApprove` permit holds for
 * every scope (within each one's `@maxDuration`), it is granted at once. Otherwise each scope is routed by
 * every `route` permit that holds for it — all of them must be satisfied, as must every group across
 * scopes — and a scope no routing policy matches is decided by admins. A policy that cannot be evaluated
 * never widens: it denies at the first step, and is skipped (falling back to people) at the others.
 */
export function decideFiling(set: CompiledPolicySet, facts: FilingFacts): FilingRouting {
  const ask = (action: "request" | "autoApprove" | "route", scope: ScopeFacts): PolicyVerdict =>
    set.evaluate(action, scope.key, () => filingQuestion({ agent: facts.agent, scope, request: facts.request, env: facts.env }));
  const result = (outcome: FilingOutcome, policies: ReadPolicy[], rest: Partial<FilingRouting> = {}): FilingRouting => ({
    outcome,
    policies: explainAll(policies),
    requirements: [],
    routes: [],
    notes: [],
    policyError: false,
    policySetHash: set.hash,
    ...rest,
  });
  const errorNote = (scope: ScopeFacts, verdict: PolicyVerdict) =>
    verdict.errors.map((error) => `Policy ${error.policyId} could not be evaluated for ${scope.key}: ${error.message}`);

  // 1. May the agent ask for each scope at all?
  const forbids: ReadPolicy[] = [];
  const denyNotes: string[] = [];
  let denyError = false;
  for (const scope of facts.scopes) {
    const verdict = ask("request", scope);
    if (verdict.errors.length > 0) {
      denyError = true;
      denyNotes.push(...errorNote(scope, verdict));
    } else if (verdict.decision === "deny") {
      forbids.push(...verdict.determining);
      if (verdict.determining.length === 0) denyNotes.push(`No policy permits asking for ${scope.key}`);
    }
  }
  if (forbids.length > 0 || denyNotes.length > 0) return result("denied", forbids, { notes: denyNotes, policyError: denyError });

  // 2. Granted at once?
  const permits: ReadPolicy[] = [];
  const autoNotes: string[] = [];
  const autoApproved = facts.scopes.every((scope) => {
    const verdict = ask("autoApprove", scope);
    if (verdict.errors.length > 0) {
      autoNotes.push(...errorNote(scope, verdict));
      return false;
    }
    if (verdict.decision !== "allow") return false;
    const caps = verdict.determining.map((policy) => policy.annotations.maxDurationSeconds).filter((cap): cap is number => cap !== null);
    const cap = caps.length ? Math.min(...caps) : null;
    if (cap !== null && facts.request.durationSeconds > cap) {
      autoNotes.push(`Auto-approval of ${scope.key} is limited to ${formatDuration(cap)}; ${formatDuration(facts.request.durationSeconds)} was asked`);
      return false;
    }
    permits.push(...verdict.determining);
    return true;
  });
  if (autoApproved) return result("auto_approved", permits);

  // 3. Routed to people.
  const requirements = new Map<string, RouteRequirement>();
  const routes = new Map<string, ScopeRoute>();
  const routePolicies: ReadPolicy[] = [];
  const notes = [...autoNotes];
  let policyError = notes.some((note) => note.includes("could not be evaluated"));
  const requireGroup = (scope: ScopeFacts, group: { id: string | null; name: string }, quorum: number, stepUp: boolean, policy: string | null) => {
    const key = group.id ?? ADMINS;
    const current = requirements.get(key) ?? { groupId: group.id, group: group.name, quorum: 0, stepUp: false, scopes: [], policies: [] };
    current.quorum = Math.max(current.quorum, quorum);
    current.stepUp ||= stepUp;
    if (!current.scopes.includes(scope.key)) current.scopes.push(scope.key);
    if (policy && !current.policies.includes(policy)) current.policies.push(policy);
    requirements.set(key, current);
    const route = routes.get(`${scope.key}\u0000${key}`) ?? { scope: scope.key, groupId: group.id, group: group.name, quorum: 0, stepUp: false };
    route.quorum = Math.max(route.quorum, quorum);
    route.stepUp ||= stepUp;
    routes.set(`${scope.key}\u0000${key}`, route);
  };
  const admins = { id: null, name: ADMINS };
  for (const scope of facts.scopes) {
    const verdict = ask("route", scope);
    if (verdict.errors.length > 0) {
      policyError = true;
      notes.push(...errorNote(scope, verdict), `${scope.key} is decided by admins`);
      requireGroup(scope, admins, 1, false, null);
    }
    const routes = verdict.decision === "allow" ? verdict.determining : [];
    if (routes.length === 0 && verdict.errors.length === 0) {
      notes.push(`No routing policy matched ${scope.key}: admins decide`);
      requireGroup(scope, admins, 1, false, null);
    }
    for (const policy of routes) {
      routePolicies.push(policy);
      const { route, quorum, stepUp } = policy.annotations;
      if (route === ROUTE_TO_CATALOG || route === null) {
        requireGroup(scope, scope.approverGroup ?? admins, quorum ?? scope.approvalsRequired, stepUp, policy.id);
      } else if (route === ROUTE_TO_ADMINS) {
        requireGroup(scope, admins, quorum ?? 1, stepUp, policy.id);
      } else {
        const id = facts.groupIds.get(route);
        if (!id) notes.push(`Policy ${policy.id} routes to ${route}, which is not an approver group: admins decide ${scope.key}`);
        requireGroup(scope, id ? { id, name: route } : admins, quorum ?? 1, stepUp, policy.id);
      }
    }
  }
  return result("routed", routePolicies, { requirements: [...requirements.values()], routes: [...routes.values()], notes, policyError });
}
