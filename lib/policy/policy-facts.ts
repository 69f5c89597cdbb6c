import type { CedarValueJson, EntityJson } from "./cedar";
import { ENTITY_TYPES } from "./policy-schema";

// What a policy can see, as plain data read by Baton (at filing from the database, on every call from the
// decision index), turned into Cedar entities and context here and nowhere else.

export interface PersonFacts {
  id: string;
  email: string;
  name: string;
  role: string;
  /** Names of the approver groups they are a member of. */
  groups: readonly string[];
  /** Names of the approver groups they are on call for now. */
  onCallFor: readonly string[];
}

export interface AgentFacts {
  id: string;
  name: string;
  owner: PersonFacts;
  tags: readonly string[];
  status: string;
}

export interface ScopeFacts {
  key: string;
  risk: string;
  tags: readonly string[];
  maxDurationSeconds: number;
  autoApprove: boolean;
  approvalsRequired: number;
  approverGroup: { id: string; name: string } | null;
  resourceServer: { name: string; audience: string } | null;
}

export interface IncidentFacts {
  id: string;
  title: string;
  severity: string;
  status: string;
  commander: PersonFacts | null;
}

/** What a request or a grant binds: who for, which incident, which constraints. */
export interface BindingFacts {
  scopes: readonly string[];
  contextRef: string | null;
  onBehalfOf: PersonFacts | null;
  incident: IncidentFacts | null;
  /** RFC 9396 locations and actions of its constraints (empty: unconstrained). */
  locations: readonly string[];
  actions: readonly string[];
}

export interface RequestFacts extends BindingFacts {
  id: string;
  durationSeconds: number;
  justification: string;
}

export interface GrantFacts extends BindingFacts {
  id: string;
  startsAt: Date;
  expiresAt: Date;
}

export interface EnvironmentFacts {
  now: Date;
  /** Names of the schedules open now. */
  openSchedules: readonly string[];
  /** Names of the approver groups someone is on call for now. */
  onCallGroups: readonly string[];
  /** Who is on call now, per group name: sets each person's onCall and onCallFor. */
  onCall?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface CallTarget {
  type: string;
  id: string;
  properties?: Readonly<Record<string, string | number | boolean>>;
}

type Uid = { type: string; id: string };
const uid = (type: string, id: string): Uid => ({ type, id });
const ref = (value: Uid): CedarValueJson => ({ __entity: value });
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** Collects entities once each, in the order they are first referenced. */
class EntityCollector {
  readonly entities: EntityJson[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly onCall?: ReadonlyMap<string, ReadonlySet<string>>) {}

  add(entity: EntityJson): CedarValueJson {
    const key = `${(entity.uid as Uid).type}\u0000${(entity.uid as Uid).id}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.entities.push(entity);
    }
    return ref(entity.uid as Uid);
  }

  group(name: string): CedarValueJson {
    return this.add({ uid: uid(ENTITY_TYPES.group, name), attrs: { name }, parents: [] });
  }

  person(person: PersonFacts): CedarValueJson {
    const groups = person.groups.map((name) => (this.group(name), uid(ENTITY_TYPES.group, name)));
    const onCallNames = this.onCall ? [...this.onCall].filter(([, people]) => people.has(person.id)).map(([name]) => name) : person.onCallFor;
    const onCallFor = onCallNames.map((name) => this.group(name));
    return this.add({
      uid: uid(ENTITY_TYPES.person, person.id),
      attrs: { email: person.email, name: person.name, role: person.role, onCall: onCallFor.length > 0, onCallFor },
      parents: groups,
    });
  }

  incident(incident: IncidentFacts): CedarValueJson {
    const attrs: Record<string, CedarValueJson> = { title: incident.title, severity: incident.severity, status: incident.status };
    if (incident.commander) attrs.commander = this.person(incident.commander);
    return this.add({ uid: uid(ENTITY_TYPES.incident, incident.id), attrs, parents: [] });
  }

  agent(agent: AgentFacts): Uid {
    const owner = this.person(agent.owner);
    this.add({ uid: uid(ENTITY_TYPES.agent, agent.id), attrs: { name: agent.name, owner, tags: [...agent.tags], status: agent.status }, parents: [] });
    return uid(ENTITY_TYPES.agent, agent.id);
  }

  scope(scope: ScopeFacts): Uid {
    const attrs: Record<string, CedarValueJson> = {
      key: scope.key,
      risk: scope.risk,
      tags: [...scope.tags],
      maxDurationSeconds: scope.maxDurationSeconds,
      autoApprove: scope.autoApprove,
      approvalsRequired: scope.approvalsRequired,
    };
    if (scope.approverGroup) attrs.approverGroup = this.group(scope.approverGroup.name);
    if (scope.resourceServer)
      attrs.resourceServer = this.add({
        uid: uid(ENTITY_TYPES.resourceServer, scope.resourceServer.audience),
        attrs: { name: scope.resourceServer.name, audience: scope.resourceServer.audience },
        parents: [],
      });
    this.add({ uid: uid(ENTITY_TYPES.scope, scope.key), attrs, parents: [] });
    return uid(ENTITY_TYPES.scope, scope.key);
  }

  binding(
    type: string,
    id: string,
    binding: BindingFacts,
    extra: Record<string, CedarValueJson>,
  ): { value: CedarValueJson; shared: Record<string, CedarValueJson> } {
    const shared: Record<string, CedarValueJson> = {};
    const attrs: Record<string, CedarValueJson> = {
      ...extra,
      scopes: [...binding.scopes],
      locations: [...binding.locations],
      actions: [...binding.actions],
    };
    if (binding.contextRef !== null) attrs.contextRef = binding.contextRef;
    if (binding.onBehalfOf) attrs.onBehalfOf = shared.onBehalfOf = this.person(binding.onBehalfOf);
    if (binding.incident) attrs.incident = shared.incident = this.incident(binding.incident);
    return { value: this.add({ uid: uid(type, id), attrs, parents: [] }), shared };
  }
}

const environment = (env: EnvironmentFacts): Record<string, CedarValueJson> => ({
  now: {
    epochSeconds: Math.floor(env.now.getTime() / 1000),
    weekday: WEEKDAYS[env.now.getUTCDay()]!,
    hour: env.now.getUTCHours(),
    minute: env.now.getUTCMinutes(),
    date: env.now.toISOString().slice(0, 10),
  },
  schedules: [...env.openSchedules],
  onCallGroups: [...env.onCallGroups],
});

export interface CedarQuestion {
  principal: Uid;
  resource: Uid;
  context: Record<string, CedarValueJson>;
  entities: EntityJson[];
}

/** The question asked of one requested scope at filing. */
export function filingQuestion(facts: { agent: AgentFacts; scope: ScopeFacts; request: RequestFacts; env: EnvironmentFacts }): CedarQuestion {
  const collector = new EntityCollector(facts.env.onCall);
  const principal = collector.agent(facts.agent);
  const resource = collector.scope(facts.scope);
  const { value, shared } = collector.binding(ENTITY_TYPES.request, facts.request.id, facts.request, {
    durationSeconds: facts.request.durationSeconds,
    justification: facts.request.justification,
  });
  return {
    principal,
    resource,
    context: { ...environment(facts.env), request: value, durationSeconds: facts.request.durationSeconds, ...shared },
    entities: collector.entities,
  };
}

/** The question asked on a call under a grant. */
export function callQuestion(facts: {
  agent: AgentFacts;
  scope: ScopeFacts;
  grant: GrantFacts;
  env: EnvironmentFacts;
  target?: CallTarget;
  action?: string;
}): CedarQuestion {
  const collector = new EntityCollector(facts.env.onCall);
  const principal = collector.agent(facts.agent);
  const resource = collector.scope(facts.scope);
  const { value, shared } = collector.binding(ENTITY_TYPES.grant, facts.grant.id, facts.grant, {
    startsAt: Math.floor(facts.grant.startsAt.getTime() / 1000),
    expiresAt: Math.floor(facts.grant.expiresAt.getTime() / 1000),
  });
  const context: Record<string, CedarValueJson> = { ...environment(facts.env), grant: value, ...shared };
  if (facts.target) {
    const tags = Object.fromEntries(Object.entries(facts.target.properties ?? {}).map(([name, v]) => [name, String(v)]));
    context.target = collector.add({
      uid: uid(ENTITY_TYPES.target, `${facts.target.type}:${facts.target.id}`),
      attrs: { type: facts.target.type, id: facts.target.id },
      parents: [],
      tags,
    });
  }
  if (facts.action !== undefined) context.action = facts.action;
  return { principal, resource, context, entities: collector.entities };
}
