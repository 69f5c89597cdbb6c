import { newId, type IdKind } from "@/lib/kernel/ids";
import { DEMO_AGENTS, DEMO_GROUPS, DEMO_PEOPLE, DEMO_SCOPES } from "./demo-directory";
import { DEMO_INCIDENTS } from "./demo-history";

function idsFor<Key extends string>(kind: IdKind, keys: readonly Key[]): Record<Key, string> {
  return Object.fromEntries(keys.map((key) => [key, newId(kind)])) as Record<Key, string>;
}

/** Ids chosen up front, so any step of the history can refer to a row an earlier step creates. */
export function allocateDemoIds() {
  return {
    users: idsFor(
      "user",
      DEMO_PEOPLE.map((person) => person.handle),
    ),
    groups: idsFor(
      "group",
      DEMO_GROUPS.map((group) => group.name),
    ),
    scopes: idsFor(
      "scope",
      DEMO_SCOPES.map((scope) => scope.key),
    ),
    agents: idsFor(
      "agent",
      DEMO_AGENTS.map((agent) => agent.name),
    ),
    incidents: idsFor(
      "incident",
      DEMO_INCIDENTS.map((incident) => incident.key),
    ),
  };
}

export type DemoIds = ReturnType<typeof allocateDemoIds>;
