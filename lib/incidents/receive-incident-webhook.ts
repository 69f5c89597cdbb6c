import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { AppError, notFound } from "@/lib/kernel/errors";
import { awaitChangeHeard } from "@/lib/events/change-feed";
import { parseJsonText } from "@/lib/http/read-json-body";
import type { IntegrationPrincipal } from "@/lib/kernel/principal";
import { openWebhookSecret } from "./integration-webhook-secret";
import { openIncidentIn } from "./open-incident";
import { parseIncidentToolEvent } from "./pagerduty-event";
import { resolveIncidentIn } from "./resolve-incident";
import { receiveOnCallIn } from "@/lib/on-call/receive-on-call";
import type { WebhookOutcomeDto } from "./schemas";

/** Standard Webhooks: a message more than five minutes from our clock, either way, is refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;
const HEADER_NAMES = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

const unauthenticated = (why: string) => new AppError("UNAUTHENTICATED", `The webhook was refused: ${why}`);

function signedHeaders(headers: Headers): Record<(typeof HEADER_NAMES)[number], string> {
  const missing = HEADER_NAMES.filter((name) => !headers.get(name));
  if (missing.length)
    throw new AppError("BAD_REQUEST", `Missing ${missing.join(", ")}`, { errors: missing.map((field) => ({ field, message: "is required" })) });
  const [id, timestamp, signature] = HEADER_NAMES.map((name) => headers.get(name)!);
  if (id!.length > 255)
    throw new AppError("BAD_REQUEST", "webhook-id is too long", { errors: [{ field: "webhook-id", message: "must be at most 255 characters" }] });
  return { "webhook-id": id!, "webhook-timestamp": timestamp!, "webhook-signature": signature! };
}

/**
 * Verifies (before anything is parsed or stored) that the body was signed with the integration's
 * secret — HMAC-SHA256 over `id.timestamp.body`, compared in constant time by the standardwebhooks
 * library — within five minutes of now, then acts on it. The webhook id is recorded in the same
 * transaction as the effect, so a redelivery (or a replay within the tolerance) is acknowledged as a
 * duplicate and does nothing; an older replay already fails the timestamp check.
 */
export async function receiveIncidentWebhook(options: {
  integrationSlug: string;
  headers: Headers;
  body: Buffer | undefined;
  clock?: Clock;
}): Promise<WebhookOutcomeDto> {
  const now = (options.clock ?? systemClock).now();
  const integration = await prisma.incidentIntegration.findUnique({ where: { slug: options.integrationSlug } });
  if (!integration || integration.revokedAt) throw notFound(`The incident integration ${options.integrationSlug}`);
  const headers = signedHeaders(options.headers);

  const timestamp = Number(headers["webhook-timestamp"]);
  if (!/^\d{1,12}$/.test(headers["webhook-timestamp"]) || Math.abs(now.getTime() / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS)
    throw unauthenticated(`webhook-timestamp is more than ${WEBHOOK_TOLERANCE_SECONDS / 60} minutes from the current time`);
  const body = options.body ?? Buffer.alloc(0);
  try {
    new Webhook(openWebhookSecret(integration.id, integration.webhookSecretSealed)).verify(body, headers, { jsonParse: false });
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw unauthenticated("the signature does not match");
    throw error;
  }

  const event = parseIncidentToolEvent(parseJsonText(body));
  const principal: IntegrationPrincipal = { kind: "integration", integrationId: integration.id, slug: integration.slug };
  const act = () =>
    prisma.$transaction(async (tx): Promise<WebhookOutcomeDto & { announced: bigint | null }> => {
      // A concurrent delivery of the same id waits here for the first to commit, then finds it.
      const recorded = await tx.$executeRaw`
        INSERT INTO "ReceivedWebhook" ("integrationId", "webhookId", "eventType", "receivedAt")
        VALUES (${integration.id}, ${headers["webhook-id"]}, ${event.eventType}, ${now}) ON CONFLICT DO NOTHING`;
      if (recorded === 0) return { outcome: "duplicate", incidentId: null, announced: null };
      if (event.kind === "other") return { outcome: "ignored", incidentId: null, announced: null };
      if (event.kind === "on-call") {
        const changed = await receiveOnCallIn(tx, { principal, event, now });
        if (!changed) return { outcome: "ignored", incidentId: null, announced: null };
        return { outcome: "on_call_changed", incidentId: null, groupId: changed.groupId, announced: changed.seq };
      }

      const externalId = event.kind === "triggered" ? event.incident.externalId : event.externalId;
      const known = await tx.incident.findUnique({
        where: { externalSource_externalId: { externalSource: integration.slug, externalId } },
        select: { id: true, status: true },
      });
      if (event.kind === "triggered") {
        if (known) return { outcome: "ignored", incidentId: known.id, announced: null };
        const opened = await openIncidentIn(tx, { principal, input: event.incident, now });
        return { outcome: "opened", incidentId: opened.id, announced: null };
      }
      if (!known || known.status !== "OPEN") return { outcome: "ignored", incidentId: known?.id ?? null, announced: null };
      const resolved = await resolveIncidentIn(tx, { principal, incidentId: known.id, now });
      return { outcome: "resolved", incidentId: known.id, announced: resolved.lastSeq };
    });

  let result: Awaited<ReturnType<typeof act>>;
  try {
    result = await act();
  } catch (error) {
    // Two deliveries (different ids) opening one external incident at once: the unique index let one
    // through; this one now finds it and is acknowledged without effect.
    if ((error as { code?: string }).code !== "P2002") throw error;
    result = await act();
  }
  if (result.announced !== null) await awaitChangeHeard(result.announced);
  return { outcome: result.outcome, incidentId: result.incidentId, ...(result.groupId && { groupId: result.groupId }) };
}
