import { Webhook } from "standardwebhooks";
import { prisma } from "@/lib/db";
import { endpointSecretRow, groupChatWebhookRow, openForRow } from "./webhook-secret";
import { outboundFetch } from "./outbound-fetch";
import { nextAttemptAfter } from "./retry-schedule";

const ATTEMPT_TIMEOUT_MS = 10_000;
// Longer than an attempt can take: while it holds, no other worker sends this delivery.
const LOCK_MS = 60_000;

export type DeliveryOutcome = { outcome: "delivered" } | { outcome: "retry"; nextAttemptAt: Date } | { outcome: "failed" } | { outcome: "skipped" };

interface Request {
  url: string;
  headers: Record<string, string>;
  body: string;
}

type Prepared = { kind: "send"; request: Request } | { kind: "gone"; reason: string } | { kind: "unreadable"; reason: string };

/**
 * The HTTP request for a delivery; or that its receiver is gone (no point retrying); or that its secret
 * does not open (BATON_SECRET_KEY changed): an attempt that failed, retried like any other.
 */
async function prepare(deliveryId: string, now: Date): Promise<Prepared> {
  try {
    const request = await buildRequest(deliveryId, now);
    return "gone" in request ? { kind: "gone", reason: request.gone } : { kind: "send", request };
  } catch (error) {
    return { kind: "unreadable", reason: `Cannot prepare the message: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The HTTP request for a delivery, or why it cannot be sent any more. */
async function buildRequest(deliveryId: string, now: Date): Promise<Request | { gone: string }> {
  const delivery = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { endpoint: true, group: true } });
  const body = JSON.stringify(delivery.payload);
  const headers = { "content-type": "application/json", "user-agent": "Baton-Webhooks/1" };
  if (delivery.endpoint) {
    if (delivery.endpoint.disabled) return { gone: "The endpoint was disabled" };
    const webhook = new Webhook(openForRow(delivery.endpoint.secretSealed, endpointSecretRow(delivery.endpoint.id)));
    return {
      url: delivery.endpoint.url,
      body,
      headers: {
        ...headers,
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": webhook.sign(delivery.id, now, body),
      },
    };
  }
  if (delivery.group?.chatWebhookUrlSealed)
    return { url: openForRow(delivery.group.chatWebhookUrlSealed, groupChatWebhookRow(delivery.group.id)), body, headers };
  return { gone: "The group's chat webhook was removed" };
}

async function send(request: Request, fetchImpl: typeof fetch): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  try {
    // Redirects are not followed: a receiver that moved must be re-registered, not silently followed elsewhere.
    const response = await fetchImpl(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      status: null,
      error:
        (error as Error).name === "TimeoutError"
          ? `No answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`
          : `${(error as Error).message}${cause ? ` (${cause})` : ""}`,
    };
  }
}

/**
 * Makes one attempt at a due delivery. The attempt is claimed first by a guarded update (still pending,
 * due, not held by another worker), so duplicate jobs or two instances never send the same attempt twice.
 * A 2xx answer delivers it; anything else schedules the next attempt with exponential backoff until the
 * attempts run out. Receivers deduplicate retries by `webhook-id`, which stays the same on every attempt.
 */
export async function deliverWebhook(options: { deliveryId: string; now: () => Date; retryBaseMs?: number; fetch?: typeof fetch }): Promise<DeliveryOutcome> {
  const claimedAt = options.now();
  const claimed = await prisma.webhookDelivery.updateMany({
    where: { id: options.deliveryId, status: "PENDING", nextAttemptAt: { lte: claimedAt }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: claimedAt } }] },
    data: { lockedUntil: new Date(claimedAt.getTime() + LOCK_MS), attempts: { increment: 1 }, lastAttemptAt: claimedAt },
  });
  if (claimed.count === 0) return { outcome: "skipped" };
  const prepared = await prepare(options.deliveryId, claimedAt);
  if (prepared.kind === "gone") {
    await prisma.webhookDelivery.updateMany({
      where: { id: options.deliveryId },
      data: { status: "FAILED", lastError: prepared.reason, lockedUntil: null, nextAttemptAt: null },
    });
    return { outcome: "failed" };
  }
  const result =
    prepared.kind === "send" ? await send(prepared.request, options.fetch ?? outboundFetch()) : { ok: false, status: null, error: prepared.reason };
  const finishedAt = options.now();
  if (result.ok) {
    // updateMany: the endpoint (and with it this row) may have been deleted during the attempt.
    await prisma.webhookDelivery.updateMany({
      where: { id: options.deliveryId },
      data: { status: "DELIVERED", deliveredAt: finishedAt, lastResponseStatus: result.status, lastError: null, lockedUntil: null, nextAttemptAt: null },
    });
    return { outcome: "delivered" };
  }
  const row = await prisma.webhookDelivery.findUnique({ where: { id: options.deliveryId }, select: { attempts: true } });
  if (!row) return { outcome: "failed" };
  const nextAttemptAt = nextAttemptAfter(row.attempts, finishedAt, options.retryBaseMs);
  await prisma.webhookDelivery.updateMany({
    where: { id: options.deliveryId },
    data: { status: nextAttemptAt ? "PENDING" : "FAILED", lastResponseStatus: result.status, lastError: result.error, lockedUntil: null, nextAttemptAt },
  });
  return nextAttemptAt ? { outcome: "retry", nextAttemptAt } : { outcome: "failed" };
}
