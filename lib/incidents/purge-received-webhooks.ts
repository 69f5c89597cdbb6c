import { prisma } from "@/lib/db";
import { WEBHOOK_TOLERANCE_SECONDS } from "./receive-incident-webhook";

/**
 * How long a received webhook-id is remembered. A message is accepted only within the tolerance of its
 * own timestamp, so after twice the tolerance a replay is refused on its timestamp anyway; a day leaves
 * room for clock skew between the incident tool and Baton.
 */
export const RECEIVED_WEBHOOK_RETENTION_SECONDS = 24 * 60 * 60;

/** Forgets webhook-ids received before the retention window, so the table stays bounded. Returns how many. */
export async function purgeReceivedWebhooks(options: { now: Date }): Promise<number> {
  const before = new Date(options.now.getTime() - Math.max(RECEIVED_WEBHOOK_RETENTION_SECONDS, 2 * WEBHOOK_TOLERANCE_SECONDS) * 1000);
  const { count } = await prisma.receivedWebhook.deleteMany({ where: { receivedAt: { lt: before } } });
  return count;
}
