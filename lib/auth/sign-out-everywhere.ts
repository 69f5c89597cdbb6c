import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { PersonActor } from "./actor";

/**
 * Ends every session the person has, on every device and instance: sessions are signed cookies that cannot
 * be recalled, so instead each request compares its sign-in time with this mark (lib/auth/current-user.ts).
 * Personal API tokens are not sessions and keep working; revoke them on the profile page.
 */
export async function signOutEverywhere(options: { actor: PersonActor; clock?: Clock }): Promise<void> {
  const now = (options.clock ?? systemClock).now();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: options.actor.userId }, data: { sessionsValidAfter: now } });
    await recordEvent(tx, { actor: { kind: "USER", id: options.actor.userId }, action: "user.signed_out_everywhere", subject: { kind: "user", id: options.actor.userId }, at: now });
  });
}
