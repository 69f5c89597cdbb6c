import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDuration } from "@/lib/kernel/duration";

/** Slack's mrkdwn treats only these three as control characters; everything a requester typed is escaped. */
const escapeMrkdwn = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** Where people reach Baton; links in messages sent from background work, with no request to take an origin from. */
export function configuredBaseUrl(): string {
  const settings = env();
  return (settings.BATON_PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, "");
}

/**
 * For a request routed to people, the approver groups that asked to hear about new requests, each with a
 * Slack-compatible incoming-webhook message: who asks, for what, for whom, why, for how long, and a link
 * to decide in Baton. The decision itself stays in the browser (with step-up for critical scopes).
 */
export async function chatMessagesForFiledRequest(tx: Tx, requestId: string): Promise<{ groupId: string; payload: { text: string } }[]> {
  const request = await tx.accessRequest.findUnique({ where: { id: requestId }, include: { agent: true, onBehalfOf: true } });
  if (!request) return [];
  const scopes = await tx.scope.findMany({ where: { key: { in: request.requestedScopes } }, include: { approverGroup: true } });
  const groups = new Map(
    scopes.filter((scope) => !scope.autoApprove && scope.approverGroup?.chatWebhookUrlSealed).map((scope) => [scope.approverGroup!.id, scope.approverGroup!]),
  );
  if (groups.size === 0) return [];
  const link = `${configuredBaseUrl()}/requests/${request.id}`;
  const lines = [
    `*New access request* from agent \`${escapeMrkdwn(request.agent.name)}\``,
    `*Scopes:* ${scopes.map((scope) => `\`${scope.key}\` (${scope.risk.toLowerCase()})`).join(", ")}`,
    `*On behalf of:* ${request.onBehalfOf ? escapeMrkdwn(`${request.onBehalfOf.name} (${request.onBehalfOf.email})`) : "nobody (the agent itself)"}`,
    `*Justification:* ${escapeMrkdwn(request.justification)}`,
    `*Duration:* ${formatDuration(request.requestedDurationSeconds)}`,
    `<${link}|Review and decide in Baton>`,
  ];
  const text = lines.join("\n");
  return [...groups.values()].map((group) => ({ groupId: group.id, payload: { text } }));
}
