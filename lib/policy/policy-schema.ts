/**
 * The Cedar schema every policy is validated against: Baton's entities and the four actions a policy can
 * speak to. At filing, each requested scope is asked three questions in order — `request` (may it be asked
 * at all: a forbid here denies), `autoApprove` (a permit here grants at once) and `route` (the permits here
 * name who decides) — and on every call `call` (a forbid here, or no permit, denies the call).
 */
export const POLICY_NAMESPACE = "Baton";

export const POLICY_ACTIONS = ["request", "autoApprove", "route", "call"] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export const ENTITY_TYPES = {
  agent: "Baton::Agent",
  person: "Baton::Person",
  group: "Baton::ApproverGroup",
  scope: "Baton::Scope",
  resourceServer: "Baton::ResourceServer",
  incident: "Baton::Incident",
  request: "Baton::AccessRequest",
  grant: "Baton::Grant",
  target: "Baton::Target",
  action: "Baton::Action",
} as const;

export const BATON_CEDAR_SCHEMA = `namespace Baton {
  // Approver groups are named by their name: Baton::ApproverGroup::"sre-approvers".
  entity ApproverGroup = { name: String };
  // A person is in the approver groups they are a member of; onCallFor lists the groups they are on call for now.
  entity Person in [ApproverGroup] = { email: String, name: String, role: String, onCall: Bool, onCallFor: Set<ApproverGroup> };
  entity ResourceServer = { name: String, audience: String };
  entity Agent = { name: String, owner: Person, tags: Set<String>, status: String };
  // Scopes are named by their key: Baton::Scope::"deploy.prod:write". The catalog fields are attributes,
  // so the generated default policies can read them.
  entity Scope = {
    key: String, risk: String, tags: Set<String>, maxDurationSeconds: Long,
    autoApprove: Bool, approvalsRequired: Long, approverGroup?: ApproverGroup, resourceServer?: ResourceServer
  };
  entity Incident = { title: String, severity: String, status: String, commander?: Person };
  entity AccessRequest = {
    scopes: Set<String>, durationSeconds: Long, justification: String, contextRef?: String,
    onBehalfOf?: Person, incident?: Incident, locations: Set<String>, actions: Set<String>
  };
  entity Grant = {
    scopes: Set<String>, startsAt: Long, expiresAt: Long, contextRef?: String,
    onBehalfOf?: Person, incident?: Incident, locations: Set<String>, actions: Set<String>
  };

  // What a call touches, as the caller names it ({type: "tenant", id: "acme"}); its properties are tags:
  // context.target.hasTag("env") && context.target.getTag("env") == "prod".
  entity Target = { type: String, id: String } tags String;

  // UTC wall clock; named schedules carry time zones.
  type Now = { epochSeconds: Long, weekday: String, hour: Long, minute: Long, date: String };

  type FilingContext = {
    now: Now,
    // Names of the schedules (maintenance and change windows) open now.
    schedules: Set<String>,
    // Names of the approver groups someone is on call for now.
    onCallGroups: Set<String>,
    request: AccessRequest,
    durationSeconds: Long,
    onBehalfOf?: Person,
    incident?: Incident
  };
  type CallContext = {
    now: Now,
    schedules: Set<String>,
    onCallGroups: Set<String>,
    grant: Grant,
    onBehalfOf?: Person,
    incident?: Incident,
    // What the call touches ({type: "tenant", id: "acme"}) and what it does, when the caller says.
    target?: Target,
    action?: String
  };

  action request, autoApprove, route appliesTo { principal: Agent, resource: Scope, context: FilingContext };
  action call appliesTo { principal: Agent, resource: Scope, context: CallContext };
}
`;
