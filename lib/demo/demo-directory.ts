// Who and what the demo organisation consists of. History (requests, incidents) lives in demo-history.ts.
import type { Risk, Role } from "@/lib/generated/prisma/enums";
import { ago } from "./demo-time";

/** Every demo account signs in with this; it is printed by `npm run seed:demo`, so it protects nothing. */
export const DEMO_PASSWORD = "baton-demo-password";

/** Its presence means the demo was seeded already. */
export const DEMO_ADMIN_EMAIL = "admin@demo.baton.dev";

export const DEMO_PEOPLE = [
  { handle: "admin", email: DEMO_ADMIN_EMAIL, name: "Ada Admin", role: "ADMIN" },
  { handle: "alice", email: "alice@demo.baton.dev", name: "Alice Moreau", role: "APPROVER" },
  { handle: "bob", email: "bob@demo.baton.dev", name: "Bob Okafor", role: "APPROVER" },
  { handle: "dana", email: "dana@demo.baton.dev", name: "Dana Whitfield", role: "APPROVER" },
  { handle: "carol", email: "carol@demo.baton.dev", name: "Carol Nguyen", role: "COMMANDER" },
  { handle: "victor", email: "victor@demo.baton.dev", name: "Victor Hale", role: "VIEWER" },
  { handle: "erin", email: "erin@demo.baton.dev", name: "Erin Castillo", role: "VIEWER" },
  { handle: "frank", email: "frank@demo.baton.dev", name: "Frank Osei", role: "VIEWER" },
] as const satisfies readonly { handle: string; email: string; name: string; role: Role }[];

export type PersonHandle = (typeof DEMO_PEOPLE)[number]["handle"];

export const DEMO_GROUPS = [
  { name: "platform-approvers", description: "Deploys, clusters and production logs", members: ["alice", "bob"] },
  { name: "security-approvers", description: "Money movement, cluster exec and identity", members: ["dana", "alice"] },
  { name: "data-stewards", description: "Customer and order data", members: ["bob", "dana"] },
] as const satisfies readonly { name: string; description: string; members: readonly PersonHandle[] }[];

export type GroupName = (typeof DEMO_GROUPS)[number]["name"];

export interface DemoScope {
  key: string;
  description: string;
  risk: Risk;
  maxMinutes: number;
  approvalsRequired: number;
  approverGroup: GroupName;
  autoApprove: boolean;
}

export const DEMO_SCOPES = [
  {
    key: "crm.customers:read",
    description: "Read customer profiles and contact history in the CRM",
    risk: "LOW",
    maxMinutes: 480,
    approvalsRequired: 1,
    approverGroup: "data-stewards",
    autoApprove: true,
  },
  {
    key: "tickets:write",
    description: "Create, comment on and close support tickets",
    risk: "LOW",
    maxMinutes: 240,
    approvalsRequired: 1,
    approverGroup: "platform-approvers",
    autoApprove: true,
  },
  {
    key: "logs.prod:read",
    description: "Search production application logs",
    risk: "LOW",
    maxMinutes: 120,
    approvalsRequired: 1,
    approverGroup: "platform-approvers",
    autoApprove: true,
  },
  {
    key: "deploy.staging:write",
    description: "Roll out builds to the staging cluster",
    risk: "MEDIUM",
    maxMinutes: 120,
    approvalsRequired: 1,
    approverGroup: "platform-approvers",
    autoApprove: false,
  },
  {
    key: "db.orders:read",
    description: "Query the orders database through the read replica",
    risk: "MEDIUM",
    maxMinutes: 240,
    approvalsRequired: 1,
    approverGroup: "data-stewards",
    autoApprove: false,
  },
  {
    key: "s3.exports:read",
    description: "Download nightly data exports from the exports bucket",
    risk: "MEDIUM",
    maxMinutes: 120,
    approvalsRequired: 1,
    approverGroup: "data-stewards",
    autoApprove: false,
  },
  {
    key: "db.orders:write",
    description: "Insert and update rows in the orders database",
    risk: "HIGH",
    maxMinutes: 60,
    approvalsRequired: 2,
    approverGroup: "data-stewards",
    autoApprove: false,
  },
  {
    key: "billing.refunds:write",
    description: "Issue refunds through the billing provider",
    risk: "HIGH",
    maxMinutes: 60,
    approvalsRequired: 1,
    approverGroup: "security-approvers",
    autoApprove: false,
  },
  {
    key: "deploy.prod:write",
    description: "Roll out or roll back builds in production",
    risk: "HIGH",
    maxMinutes: 60,
    approvalsRequired: 2,
    approverGroup: "platform-approvers",
    autoApprove: false,
  },
  {
    key: "k8s.prod:exec",
    description: "Exec into pods of the production Kubernetes cluster",
    risk: "CRITICAL",
    maxMinutes: 60,
    approvalsRequired: 2,
    approverGroup: "security-approvers",
    autoApprove: false,
  },
  {
    key: "iam.roles:admin",
    description: "Create, change and assign cloud IAM roles",
    risk: "CRITICAL",
    maxMinutes: 15,
    approvalsRequired: 2,
    approverGroup: "security-approvers",
    autoApprove: false,
  },
] as const satisfies readonly DemoScope[];

export type ScopeKey = (typeof DEMO_SCOPES)[number]["key"];

export interface DemoAgent {
  name: string;
  description: string;
  owner: PersonHandle;
  eligibleScopes: readonly ScopeKey[];
  /** Labels policies can match (`principal.tags.contains("oncall-bot")`). */
  tags?: readonly string[];
  disabled?: { at: number; by: PersonHandle; reason: string };
}

export const DEMO_AGENTS = [
  {
    name: "ops-bot",
    description: "On-call assistant: deploys, rollbacks and production diagnostics",
    owner: "carol",
    eligibleScopes: ["deploy.staging:write", "deploy.prod:write", "k8s.prod:exec", "logs.prod:read", "db.orders:read"],
    tags: ["oncall-bot"],
  },
  {
    name: "support-agent",
    description: "Answers customer tickets and proposes refunds",
    owner: "erin",
    eligibleScopes: ["crm.customers:read", "tickets:write", "billing.refunds:write"],
  },
  {
    name: "billing-reconciler",
    description: "Matches payments to orders and corrects mismatches at month end",
    owner: "frank",
    eligibleScopes: ["db.orders:read", "db.orders:write", "billing.refunds:write", "s3.exports:read"],
  },
  {
    name: "data-pipeline",
    description: "Nightly extract of orders and customers into the warehouse",
    owner: "frank",
    eligibleScopes: ["db.orders:read", "s3.exports:read", "crm.customers:read"],
  },
  {
    name: "legacy-cron",
    description: "Old nightly order clean-up script, replaced by billing-reconciler",
    owner: "erin",
    eligibleScopes: ["db.orders:read", "db.orders:write"],
    disabled: { at: ago(3, 20), by: "admin", reason: "Retired: billing-reconciler took over the nightly clean-up" },
  },
] as const satisfies readonly DemoAgent[];

export type AgentName = (typeof DEMO_AGENTS)[number]["name"];

/** A change window policies can name (`context.schedules.contains("prod-change-window")`). */
export const DEMO_SCHEDULE = {
  name: "prod-change-window",
  description: "Production changes: weekdays 09:00–17:00 London time",
  timezone: "Europe/London",
  weeklyRules: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00" }],
} as const;

/** Who is on call for which group when the demo ends. */
export const DEMO_ON_CALL = { group: "platform-approvers", person: "alice" } as const satisfies { group: string; person: PersonHandle };
