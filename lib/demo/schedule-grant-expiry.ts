import { recordEvent, SYSTEM_ACTOR } from "@/lib/audit/record-event";
import type { DemoTimeline } from "./demo-timeline";

/**
 * Marks the grant expired at its expiry, as the expiry job would, unless it ended earlier (revoked).
 * A grant that expires after the moment of seeding is left active.
 */
export function scheduleGrantExpiry(timeline: DemoTimeline, grantId: string, expiresAtOffset: number) {
  if (expiresAtOffset > 0) return;
  timeline.at(expiresAtOffset, async (tx, at) => {
    const expired = await tx.grant.updateMany({ where: { id: grantId, status: "ACTIVE" }, data: { status: "EXPIRED", updatedAt: at } });
    if (expired.count === 1) await recordEvent(tx, { actor: SYSTEM_ACTOR, action: "grant.expired", subject: { kind: "grant", id: grantId }, at });
  });
}
