import type { AuditQuery } from "@/components/audit/audit-queries";
import type { GrantSearch } from "@/lib/grants/schemas";
import type { IncidentStatusFilter } from "@/lib/incidents/list-incidents";
import type { ApprovalRange } from "@/lib/overview/time-to-approve-scale";

/**
 * Every TanStack Query key of the browser. Keys are arrays matched by prefix: invalidating `["grants"]`
 * refreshes `["grants", search]` under every search, so each family below starts with its prefix, and the
 * live event stream (`staleKeysAfter`) names only prefixes. Pages cache under these keys, server pages
 * prefetch under them, and dialogs invalidate them after a change.
 */
export const queryKeys = {
  /** Everything on the overview; the onboarding checklist and the approval chart sit under it. */
  overview: ["overview"],
  onboarding: ["overview", "onboarding"],
  timeToApprove: (range: ApprovalRange) => ["overview", "time-to-approve", range] as const,
  audit: ["audit"],
  auditPage: (query: AuditQuery) => ["audit", query] as const,
  inbox: ["inbox"],
  /** Every request's page: a grant's change shows on the page of the request it came from. */
  requests: ["request"],
  request: (id: string) => ["request", id] as const,
  grantLists: ["grants"],
  grantList: (search: GrantSearch) => ["grants", search] as const,
  grant: (id: string) => ["grant", id] as const,
  agent: (id: string) => ["agent", id] as const,
  incidentLists: ["incidents"],
  incidentList: (status: IncidentStatusFilter) => ["incidents", status] as const,
  /** Every incident's page: a grant or request may be bound to an incident. */
  incidents: ["incident"],
  incident: (id: string) => ["incident", id] as const,
  /** The active policy set and every proposal: a policy change (proposed, rejected, activated) refreshes them all. */
  policies: ["policies"],
  activePolicies: ["policies", "active"],
  policyProposals: ["policies", "proposals"],
  policyProposal: (id: string) => ["policies", "proposal", id] as const,
} as const;

/** The window event each live change is re-dispatched as, for server-rendered pages (RefreshOnChange). */
export const LIVE_CHANGE_EVENT = "baton:change";

/** One change as the event stream (`/api/ui/events`) reports it. */
export interface LiveChange {
  seq: string;
  action: string;
  subject: { kind: string; id: string };
  agentId: string | null;
  at: string;
}

/** Query keys a change makes stale: every list of its kind, and the subject's own page. */
export function staleKeysAfter(change: LiveChange): readonly (readonly string[])[] {
  const keys: (readonly string[])[] = [queryKeys.overview, queryKeys.audit];
  if (change.subject.kind === "request") keys.push(queryKeys.inbox, queryKeys.request(change.subject.id));
  if (change.subject.kind === "grant") keys.push(queryKeys.grantLists, queryKeys.grant(change.subject.id), queryKeys.requests);
  if (change.agentId) keys.push(queryKeys.agent(change.agentId));
  if (change.subject.kind === "incident") keys.push(queryKeys.incidentLists, queryKeys.incident(change.subject.id));
  if (change.subject.kind === "policy") keys.push(queryKeys.policies);
  // A grant or request may be bound to an incident: its page and the list's counts follow it.
  if (change.subject.kind === "grant" || change.subject.kind === "request") keys.push(queryKeys.incidentLists, queryKeys.incidents);
  return keys;
}
