import { recordEvent, SYSTEM_ACTOR, type Actor } from "@/lib/audit/record-event";
import type { DemoIds } from "./allocate-demo-ids";
import { newId } from "@/lib/kernel/ids";
import { DEMO_AGENTS, DEMO_GROUPS, DEMO_ON_CALL, DEMO_PEOPLE, DEMO_SCHEDULE, DEMO_SCOPES, type AgentName, type DemoAgent } from "./demo-directory";
import type { DemoTimeline } from "./demo-timeline";
import { ago, MINUTE_MS } from "./demo-time";
import { revokeActiveGrants } from "./revoke-active-grants";

/**
 * The start of the demo week: the admin appears, then adds the people, approver groups,
 * scope catalog and agents. Disabling an agent later in the week also revokes what it still holds.
 */
export function scheduleDirectory(timeline: DemoTimeline, ids: DemoIds, passwordHash: string) {
  const start = ago(7);
  const admin: Actor = { kind: "USER", id: ids.users.admin };

  DEMO_PEOPLE.forEach((person, index) => {
    const id = ids.users[person.handle];
    // Nobody inside Baton created the demo admin: the seed itself did.
    const actor = person.handle === "admin" ? SYSTEM_ACTOR : admin;
    timeline.at(start + index * 2 * MINUTE_MS, async (tx, at) => {
      await tx.user.create({
        data: { id, email: person.email, name: person.name, role: person.role, passwordHash, sessionsValidAfter: at, createdAt: at, updatedAt: at },
      });
      await recordEvent(tx, {
        actor,
        action: "user.created",
        subject: { kind: "user", id },
        data: { email: person.email, name: person.name, role: person.role },
        at,
      });
    });
  });

  DEMO_GROUPS.forEach((group, index) => {
    const id = ids.groups[group.name];
    const memberIds = group.members.map((handle) => ids.users[handle]);
    timeline.at(start + (30 + index * 2) * MINUTE_MS, async (tx, at) => {
      await tx.approverGroup.create({
        data: {
          id,
          name: group.name,
          description: group.description,
          createdAt: at,
          updatedAt: at,
          members: { create: memberIds.map((userId) => ({ userId, createdAt: at })) },
        },
      });
      await recordEvent(tx, { actor: admin, action: "group.created", subject: { kind: "group", id }, data: { name: group.name, memberIds }, at });
    });
  });

  const scheduleId = newId("schedule");
  timeline.at(start + 50 * MINUTE_MS, async (tx, at) => {
    const { weeklyRules, ...fields } = DEMO_SCHEDULE;
    await tx.schedule.create({
      data: { id: scheduleId, ...fields, weeklyRules: weeklyRules.map((rule) => ({ ...rule, days: [...rule.days] })), createdAt: at, updatedAt: at },
    });
    await recordEvent(tx, { actor: admin, action: "schedule.created", subject: { kind: "schedule", id: scheduleId }, data: { name: DEMO_SCHEDULE.name }, at });
  });
  timeline.at(start + 55 * MINUTE_MS, async (tx, at) => {
    const groupId = ids.groups[DEMO_ON_CALL.group];
    const userId = ids.users[DEMO_ON_CALL.person];
    await tx.onCallShift.create({ data: { groupId, userId, createdAt: at } });
    await recordEvent(tx, {
      actor: admin,
      action: "group.on_call_changed",
      subject: { kind: "group", id: groupId },
      data: {
        group: DEMO_ON_CALL.group,
        before: [],
        onCall: [DEMO_PEOPLE.find((person) => person.handle === DEMO_ON_CALL.person)!.email],
        until: null,
        source: "local",
      },
      at,
    });
  });

  DEMO_SCOPES.forEach((scope, index) => {
    const id = ids.scopes[scope.key];
    const settings = {
      key: scope.key,
      risk: scope.risk,
      maxDurationSeconds: scope.maxMinutes * 60,
      approvalsRequired: scope.approvalsRequired,
      approverGroupId: ids.groups[scope.approverGroup],
      autoApprove: scope.autoApprove,
    };
    timeline.at(start + (60 + index) * MINUTE_MS, async (tx, at) => {
      await tx.scope.create({ data: { id, ...settings, description: scope.description, createdAt: at, updatedAt: at } });
      await recordEvent(tx, { actor: admin, action: "scope.created", subject: { kind: "scope", id }, data: settings, at });
    });
  });

  DEMO_AGENTS.forEach((agent: DemoAgent, index) => {
    const id = ids.agents[agent.name as AgentName];
    const ownerId = ids.users[agent.owner];
    timeline.at(start + (120 + index * 5) * MINUTE_MS, async (tx, at) => {
      await tx.agent.create({
        data: {
          id,
          name: agent.name,
          description: agent.description,
          ownerId,
          tags: [...(agent.tags ?? [])],
          createdAt: at,
          updatedAt: at,
          eligibleScopes: { create: agent.eligibleScopes.map((key) => ({ scopeId: ids.scopes[key] })) },
        },
      });
      await recordEvent(tx, {
        actor: admin,
        action: "agent.created",
        subject: { kind: "agent", id },
        data: { name: agent.name, ownerId, eligibleScopes: agent.eligibleScopes, tags: agent.tags ?? [] },
        at,
      });
    });

    const disabled = agent.disabled;
    if (!disabled) return;
    const actor: Actor = { kind: "USER", id: ids.users[disabled.by] };
    timeline.at(disabled.at, async (tx, at) => {
      await tx.agent.update({ where: { id }, data: { status: "DISABLED", disabledAt: at, updatedAt: at } });
      await recordEvent(tx, { actor, action: "agent.disabled", subject: { kind: "agent", id }, data: { reason: disabled.reason }, at });
      await revokeActiveGrants(tx, { agentId: id }, { actor, reason: "agent disabled", at });
    });
  });
}
