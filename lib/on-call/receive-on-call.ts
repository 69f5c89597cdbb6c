import type { Tx } from "@/lib/db";
import type { IntegrationPrincipal } from "@/lib/kernel/principal";
import { normalizeEmail } from "@/lib/kernel/normalize-email";
import type { IncidentToolEvent } from "@/lib/incidents/pagerduty-event";
import { replaceOnCallIn } from "./replace-on-call";

/**
 * An incident tool's `oncall.changed`, already verified: replaces who is on call for the Baton group it
 * names. The tool cannot fix its own rota on our say, so people who are not active members of the group
 * are left out (and named in the audit event as `skipped`) instead of refusing the whole message.
 * Null when no group has any of the names: acknowledged and ignored.
 */
export async function receiveOnCallIn(
  tx: Tx,
  options: { principal: IntegrationPrincipal; event: Extract<IncidentToolEvent, { kind: "on-call" }>; now: Date },
): Promise<{ groupId: string; seq: bigint } | null> {
  const { event } = options;
  const groups = await tx.approverGroup.findMany({
    where: { name: { in: event.groupNames } },
    include: { members: { where: { user: { disabled: false } }, include: { user: true } } },
  });
  const group = event.groupNames.map((name) => groups.find((candidate) => candidate.name === name)).find(Boolean);
  if (!group) return null;
  const memberByEmail = new Map(group.members.map(({ user }) => [user.email, user.id]));
  const emails = event.emails.map(normalizeEmail);
  const changed = await replaceOnCallIn(tx, {
    principal: options.principal,
    groupId: group.id,
    userIds: emails.flatMap((email) => memberByEmail.get(email) ?? []),
    until: event.until,
    source: options.principal.slug,
    now: options.now,
    data: { skipped: emails.filter((email) => !memberByEmail.has(email)) },
  });
  return { groupId: group.id, seq: changed.seq };
}
