// A week of the demo organisation's life, oldest first. Outcomes follow from the data the way Baton
// decides them: a request whose scopes all auto-approve is approved on filing, one DENY ends it, enough
// APPROVEs approve it, and one nobody decided lapses after 24 hours.
import type { Decision, Severity } from "@/lib/generated/prisma/enums";
import type { AgentName, PersonHandle, ScopeKey } from "./demo-directory";
import { ago } from "./demo-time";

export interface DemoDirectGrant {
  agent: AgentName;
  onBehalfOf: PersonHandle | null;
  scopes: readonly ScopeKey[];
  minutes: number;
  at: number;
  grantedBy: PersonHandle;
}

export interface DemoIncident {
  key: string;
  title: string;
  description: string;
  severity: Severity;
  commander: PersonHandle;
  externalSource: string;
  externalId: string;
  openedAt: number;
  resolvedAt?: number;
  directGrants?: readonly DemoDirectGrant[];
}

export const DEMO_INCIDENTS = [
  {
    key: "replication-lag",
    title: "Orders database replication lag",
    description: "Read replica fell 40 minutes behind the primary; order status pages showed stale data.",
    severity: "SEV3",
    commander: "carol",
    externalSource: "pagerduty",
    externalId: "PD-41877",
    openedAt: ago(3, 14),
    resolvedAt: ago(3, 12, 30),
  },
  {
    key: "checkout-latency",
    title: "Checkout latency spike",
    description: "p99 checkout latency above 4 s since the last checkout deploy; error budget burning at 12x.",
    severity: "SEV2",
    commander: "carol",
    externalSource: "pagerduty",
    externalId: "PD-52931",
    openedAt: ago(0, 0, 50),
    directGrants: [
      { agent: "ops-bot", onBehalfOf: "carol", scopes: ["deploy.prod:write", "logs.prod:read"], minutes: 60, at: ago(0, 0, 25), grantedBy: "carol" },
    ],
  },
] as const satisfies readonly DemoIncident[];

export type IncidentKey = (typeof DEMO_INCIDENTS)[number]["key"];

export interface DemoApproval {
  by: PersonHandle;
  at: number;
  decision: Decision;
  comment: string;
  narrowedScopes?: readonly ScopeKey[];
  narrowedMinutes?: number;
}

export interface DemoRequest {
  agent: AgentName;
  onBehalfOf: PersonHandle | null;
  /** The person who filed it for the agent; null when the agent filed it itself. */
  filedBy: PersonHandle | null;
  scopes: readonly ScopeKey[];
  minutes: number;
  justification: string;
  filedAt: number;
  contextRef?: string;
  incident?: IncidentKey;
  approvals?: readonly DemoApproval[];
  cancelled?: { at: number; by: PersonHandle | null; reason: string };
  /** Ends the grant early, for reasons other than an incident resolving or the agent being disabled. */
  revoked?: { at: number; by: PersonHandle; reason: string };
}

export const DEMO_REQUESTS: readonly DemoRequest[] = [
  // Six days ago
  {
    agent: "support-agent",
    onBehalfOf: "erin",
    filedBy: null,
    scopes: ["crm.customers:read"],
    minutes: 120,
    filedAt: ago(6, 20),
    justification: "Look up order history for ticket SUP-2231 (customer asks about a missing parcel)",
    contextRef: "SUP-2231",
  },
  {
    agent: "ops-bot",
    onBehalfOf: "carol",
    filedBy: "carol",
    scopes: ["deploy.staging:write"],
    minutes: 60,
    filedAt: ago(6, 18),
    contextRef: "CHG-1042",
    justification: "Roll out release 4.12.0 to staging for the smoke tests",
    approvals: [{ by: "alice", at: ago(6, 17, 45), decision: "APPROVE", comment: "Staging only, go ahead." }],
  },
  {
    agent: "billing-reconciler",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["db.orders:write"],
    minutes: 45,
    filedAt: ago(6, 5),
    justification: "Reconciliation: mark 312 orders paid that the payment webhook missed",
    contextRef: "FIN-884",
    approvals: [
      { by: "bob", at: ago(6, 4, 40), decision: "APPROVE", comment: "Matches the list finance sent." },
      { by: "dana", at: ago(6, 4, 10), decision: "APPROVE", comment: "OK, 45 minutes is enough." },
    ],
  },
  // Five days ago
  {
    agent: "data-pipeline",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["db.orders:read", "s3.exports:read"],
    minutes: 120,
    filedAt: ago(5, 22),
    justification: "Scheduled warehouse extract of orders and the latest export files",
    approvals: [
      {
        by: "dana",
        at: ago(5, 21, 30),
        decision: "APPROVE",
        narrowedScopes: ["db.orders:read"],
        narrowedMinutes: 60,
        comment: "The extract reads the replica directly; it does not need the export bucket. One hour is plenty.",
      },
    ],
  },
  {
    agent: "support-agent",
    onBehalfOf: "erin",
    filedBy: null,
    scopes: ["billing.refunds:write"],
    minutes: 30,
    filedAt: ago(5, 15),
    contextRef: "SUP-2290",
    justification: "Refund 1,840 EUR for a duplicated enterprise invoice",
    approvals: [{ by: "dana", at: ago(5, 14, 30), decision: "DENY", comment: "Refunds above 1,000 EUR need a finance ticket first." }],
  },
  {
    agent: "ops-bot",
    onBehalfOf: "carol",
    filedBy: null,
    scopes: ["k8s.prod:exec"],
    minutes: 30,
    filedAt: ago(5, 9),
    justification: "Inspect a pod of the search service that keeps restarting",
    cancelled: { at: ago(5, 8, 40), by: "carol", reason: "A config reload fixed it; no exec needed." },
  },
  {
    agent: "legacy-cron",
    onBehalfOf: "erin",
    filedBy: null,
    scopes: ["db.orders:write"],
    minutes: 60,
    filedAt: ago(4, 23),
    justification: "Clean up abandoned carts older than 30 days",
  },
  // Four days ago
  {
    agent: "support-agent",
    onBehalfOf: "erin",
    filedBy: null,
    scopes: ["tickets:write", "crm.customers:read"],
    minutes: 240,
    filedAt: ago(4, 10),
    justification: "Shift hand-over: triage the open ticket queue",
  },
  {
    agent: "ops-bot",
    onBehalfOf: "carol",
    filedBy: "carol",
    scopes: ["deploy.prod:write"],
    minutes: 60,
    filedAt: ago(4, 4),
    contextRef: "CHG-1077",
    justification: "Production rollout of release 4.12.0 in the approved change window",
    approvals: [
      { by: "alice", at: ago(4, 3, 50), decision: "APPROVE", comment: "Staging has been green for two days." },
      { by: "bob", at: ago(4, 3, 35), decision: "APPROVE", comment: "Approved for the window." },
    ],
    revoked: { at: ago(4, 3), by: "carol", reason: "Deploy finished early" },
  },
  {
    agent: "data-pipeline",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["crm.customers:read"],
    minutes: 480,
    filedAt: ago(4, 1),
    justification: "Refresh the customer dimension in the warehouse",
  },
  // Three days ago
  {
    agent: "legacy-cron",
    onBehalfOf: "erin",
    filedBy: null,
    scopes: ["db.orders:read"],
    minutes: 240,
    filedAt: ago(3, 22, 10),
    justification: "Count abandoned carts for the weekly report",
    approvals: [{ by: "bob", at: ago(3, 22), decision: "APPROVE", comment: "Read-only, fine." }],
  },
  {
    agent: "ops-bot",
    onBehalfOf: "carol",
    filedBy: null,
    scopes: ["db.orders:read", "logs.prod:read"],
    minutes: 120,
    filedAt: ago(3, 13, 50),
    incident: "replication-lag",
    justification: "Compare replica and primary row counts and read the replication logs",
    approvals: [{ by: "bob", at: ago(3, 13, 45), decision: "APPROVE", comment: "For PD-41877." }],
  },
  {
    agent: "billing-reconciler",
    onBehalfOf: "frank",
    filedBy: "frank",
    scopes: ["billing.refunds:write"],
    minutes: 60,
    filedAt: ago(3, 9),
    contextRef: "FIN-902",
    justification: "Refund 14 customers charged twice during the replication incident",
    approvals: [{ by: "alice", at: ago(3, 8, 30), decision: "APPROVE", comment: "List checked against the incident timeline." }],
  },
  // Two days ago
  {
    agent: "support-agent",
    onBehalfOf: "erin",
    filedBy: null,
    scopes: ["crm.customers:read"],
    minutes: 480,
    filedAt: ago(2, 20),
    justification: "Work through the ticket queue for the support shift",
  },
  {
    agent: "data-pipeline",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["s3.exports:read"],
    minutes: 120,
    filedAt: ago(2, 15),
    justification: "Re-import yesterday's export after the warehouse load failed",
    approvals: [{ by: "dana", at: ago(2, 14, 40), decision: "APPROVE", comment: "Yes, the load failure is on the data channel." }],
  },
  {
    agent: "ops-bot",
    onBehalfOf: "carol",
    filedBy: null,
    scopes: ["deploy.prod:write"],
    minutes: 60,
    filedAt: ago(2, 10),
    justification: "Ship the hotfix for the search ranking bug",
    approvals: [{ by: "bob", at: ago(2, 9, 40), decision: "DENY", comment: "Change freeze in effect; re-file with a CHG ticket once it lifts." }],
  },
  {
    agent: "billing-reconciler",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["db.orders:write"],
    minutes: 60,
    filedAt: ago(2, 6),
    justification: "Correct currency codes on 27 orders imported from the legacy shop",
    approvals: [{ by: "bob", at: ago(2, 5, 45), decision: "APPROVE", comment: "Looks right; needs a second approver." }],
    cancelled: { at: ago(2, 5), by: "frank", reason: "The importer fix corrected the rows; no manual writes needed." },
  },
  // Yesterday
  {
    agent: "support-agent",
    onBehalfOf: "erin",
    filedBy: null,
    scopes: ["billing.refunds:write"],
    minutes: 60,
    filedAt: ago(1, 20),
    contextRef: "SUP-2417",
    justification: "Refund a cancelled annual subscription",
  },
  {
    agent: "support-agent",
    onBehalfOf: "erin",
    filedBy: null,
    scopes: ["tickets:write"],
    minutes: 240,
    filedAt: ago(1, 18),
    justification: "Close tickets resolved by the latest release",
  },
  {
    agent: "ops-bot",
    onBehalfOf: "carol",
    filedBy: "carol",
    scopes: ["deploy.staging:write", "logs.prod:read"],
    minutes: 120,
    filedAt: ago(1, 12),
    contextRef: "CHG-1103",
    justification: "Stage release 4.13.0 and compare its error rates with production",
    approvals: [{ by: "alice", at: ago(1, 11, 50), decision: "APPROVE", comment: "Approved." }],
  },
  {
    agent: "data-pipeline",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["db.orders:read"],
    minutes: 240,
    filedAt: ago(1, 4),
    justification: "Scheduled warehouse extract of orders",
    approvals: [{ by: "bob", at: ago(1, 3, 50), decision: "APPROVE", comment: "Scheduled job, approved." }],
  },
  // Today
  {
    agent: "data-pipeline",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["db.orders:read", "s3.exports:read"],
    minutes: 120,
    filedAt: ago(0, 20),
    justification: "Backfill the Q3 revenue report from orders and archived exports",
    contextRef: "DATA-311",
  },
  {
    agent: "data-pipeline",
    onBehalfOf: null,
    filedBy: null,
    scopes: ["crm.customers:read"],
    minutes: 480,
    filedAt: ago(0, 6),
    justification: "Scheduled refresh of the customer dimension",
  },
  {
    agent: "support-agent",
    onBehalfOf: "erin",
    filedBy: "erin",
    scopes: ["billing.refunds:write"],
    minutes: 60,
    filedAt: ago(0, 5),
    contextRef: "SUP-2468",
    justification: "Refund three customers whose orders were lost by the carrier",
  },
  {
    agent: "data-pipeline",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["db.orders:read"],
    minutes: 240,
    filedAt: ago(0, 3, 45),
    justification: "Re-run the orders extract that timed out earlier today",
    approvals: [{ by: "dana", at: ago(0, 3, 40), decision: "APPROVE", comment: "Approved." }],
  },
  {
    agent: "support-agent",
    onBehalfOf: "erin",
    filedBy: null,
    scopes: ["crm.customers:read", "tickets:write"],
    minutes: 240,
    filedAt: ago(0, 2),
    justification: "Support shift: answer the ticket queue",
  },
  {
    agent: "billing-reconciler",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["db.orders:write"],
    minutes: 60,
    filedAt: ago(0, 1, 5),
    contextRef: "FIN-931",
    justification: "Attach 58 late payment confirmations to their orders",
    approvals: [
      { by: "bob", at: ago(0, 1), decision: "APPROVE", comment: "Checked the payment batch." },
      { by: "dana", at: ago(0, 0, 52), decision: "APPROVE", comment: "Approved for the hour." },
    ],
  },
  {
    agent: "billing-reconciler",
    onBehalfOf: "frank",
    filedBy: null,
    scopes: ["billing.refunds:write"],
    minutes: 30,
    filedAt: ago(0, 0, 40),
    incident: "checkout-latency",
    justification: "Refund customers charged twice by checkout retries during the latency spike",
  },
  {
    agent: "ops-bot",
    onBehalfOf: "carol",
    filedBy: null,
    scopes: ["logs.prod:read"],
    minutes: 120,
    filedAt: ago(0, 0, 30),
    incident: "checkout-latency",
    justification: "Correlate checkout latency with the last checkout deploy",
  },
  {
    agent: "ops-bot",
    onBehalfOf: "carol",
    filedBy: null,
    scopes: ["deploy.prod:write"],
    minutes: 60,
    filedAt: ago(0, 0, 15),
    incident: "checkout-latency",
    justification: "Roll back checkout to release 4.12.0",
    approvals: [{ by: "alice", at: ago(0, 0, 10), decision: "APPROVE", comment: "Rollback plan looks right; a second approver is needed." }],
  },
];
