import { partialMatchKey, type QueryKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { AuditQuery } from "@/components/audit/audit-queries";
import { queryKeys, staleKeysAfter, type LiveChange } from "@/components/live/query-keys";
import { auditPageQuery } from "@/lib/audit/schemas";
import { grantSearchQuery } from "@/lib/grants/schemas";

const auditQuery: AuditQuery = { ...auditPageQuery.parse({}), from: undefined, to: undefined };

/** The keys pages cache under, with arguments as the pages pass them. */
const pageKeys = {
  overview: queryKeys.overview,
  onboarding: queryKeys.onboarding,
  timeToApprove: queryKeys.timeToApprove("7d"),
  auditPage: queryKeys.auditPage(auditQuery),
  inbox: queryKeys.inbox,
  request: queryKeys.request("req_1"),
  otherRequest: queryKeys.request("req_2"),
  grantList: queryKeys.grantList(grantSearchQuery.parse({})),
  filteredGrantList: queryKeys.grantList(grantSearchQuery.parse({ status: "all", agent: "agt_01hzy3qd7m4ks2x8b9c0v6n5tr" })),
  grant: queryKeys.grant("grt_1"),
  otherGrant: queryKeys.grant("grt_2"),
  agent: queryKeys.agent("agt_1"),
  otherAgent: queryKeys.agent("agt_2"),
  openIncidents: queryKeys.incidentList("open"),
  allIncidents: queryKeys.incidentList("all"),
  incident: queryKeys.incident("inc_1"),
  otherIncident: queryKeys.incident("inc_2"),
  activePolicies: queryKeys.activePolicies,
  policyProposals: queryKeys.policyProposals,
  policyProposal: queryKeys.policyProposal("ppr_1"),
} satisfies Record<string, QueryKey>;
type Page = keyof typeof pageKeys;

const change = (kind: string, id: string, agentId: string | null = null): LiveChange => ({
  seq: "1",
  action: `${kind}.changed`,
  subject: { kind, id },
  agentId,
  at: "2026-01-01T00:00:00.000Z",
});

/** The pages a change refreshes: TanStack Query invalidates every query whose key starts with a stale key. */
function refreshedBy(liveChange: LiveChange): Page[] {
  const stale = staleKeysAfter(liveChange);
  return (Object.keys(pageKeys) as Page[]).filter((page) => stale.some((key) => partialMatchKey(pageKeys[page], key)));
}

const everyChange = ["overview", "onboarding", "timeToApprove", "auditPage"] as const;

describe("the keys the live event stream invalidates are the keys the pages cache under", () => {
  it("a request's change refreshes the inbox, its page, its agent and the incidents it may be bound to", () => {
    expect(refreshedBy(change("request", "req_1", "agt_1")).sort()).toEqual(
      [...everyChange, "inbox", "request", "agent", "openIncidents", "allIncidents", "incident", "otherIncident"].sort(),
    );
  });

  it("a grant's change refreshes every grant list, its page, the request pages and the incidents", () => {
    expect(refreshedBy(change("grant", "grt_1", "agt_1")).sort()).toEqual(
      [
        ...everyChange,
        "grantList",
        "filteredGrantList",
        "grant",
        "request",
        "otherRequest",
        "agent",
        "openIncidents",
        "allIncidents",
        "incident",
        "otherIncident",
      ].sort(),
    );
  });

  it("an incident's change refreshes every incident list and its own page only", () => {
    expect(refreshedBy(change("incident", "inc_1")).sort()).toEqual([...everyChange, "openIncidents", "allIncidents", "incident"].sort());
  });

  it("a policy change (proposed, rejected, activated) refreshes the active set and every proposal", () => {
    expect(refreshedBy(change("policy", "pol_1")).sort()).toEqual([...everyChange, "activePolicies", "policyProposals", "policyProposal"].sort());
  });

  it("any other change refreshes the overview and the audit log, and the agent it names", () => {
    expect(refreshedBy(change("scope", "scp_1")).sort()).toEqual([...everyChange].sort());
    expect(refreshedBy(change("agent", "agt_2", "agt_2")).sort()).toEqual([...everyChange, "otherAgent"].sort());
  });

  it("invalidates no key that no page caches under", () => {
    const subjects = { request: "req_1", grant: "grt_1", incident: "inc_1", agent: "agt_1", scope: "scp_1", policy: "pol_1" };
    for (const [kind, id] of Object.entries(subjects)) {
      for (const key of staleKeysAfter(change(kind, id, "agt_1"))) {
        expect(
          Object.values(pageKeys).some((pageKey) => partialMatchKey(pageKey, key)),
          `${JSON.stringify(key)} after a ${kind} change`,
        ).toBe(true);
      }
    }
  });
});
