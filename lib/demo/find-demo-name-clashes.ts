import type { Tx } from "@/lib/db";
import { DEMO_AGENTS, DEMO_GROUPS, DEMO_PEOPLE, DEMO_SCHEDULE, DEMO_SCOPES } from "./demo-directory";
import { DEMO_INCIDENTS } from "./demo-history";

/**
 * Names the demo would take that the database already uses for something of its own. The demo never
 * changes existing rows, so any clash means it cannot be added.
 */
export async function findDemoNameClashes(tx: Tx): Promise<string[]> {
  const users = await tx.user.findMany({ where: { email: { in: DEMO_PEOPLE.map((person) => person.email) } }, select: { email: true } });
  const groups = await tx.approverGroup.findMany({ where: { name: { in: DEMO_GROUPS.map((group) => group.name) } }, select: { name: true } });
  const scopes = await tx.scope.findMany({ where: { key: { in: DEMO_SCOPES.map((scope) => scope.key) } }, select: { key: true } });
  const agents = await tx.agent.findMany({ where: { name: { in: DEMO_AGENTS.map((agent) => agent.name) } }, select: { name: true } });
  const schedules = await tx.schedule.findMany({ where: { name: DEMO_SCHEDULE.name }, select: { name: true } });
  const incidents = await tx.incident.findMany({
    where: { OR: DEMO_INCIDENTS.map((incident) => ({ externalSource: incident.externalSource, externalId: incident.externalId })) },
    select: { externalSource: true, externalId: true },
  });
  return [
    ...users.map((user) => `user ${user.email}`),
    ...groups.map((group) => `approver group ${group.name}`),
    ...scopes.map((scope) => `scope ${scope.key}`),
    ...agents.map((agent) => `agent ${agent.name}`),
    ...schedules.map((schedule) => `schedule ${schedule.name}`),
    ...incidents.map((incident) => `incident ${incident.externalSource} ${incident.externalId}`),
  ];
}
