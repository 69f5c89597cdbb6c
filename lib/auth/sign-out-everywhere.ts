import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";

/**
 * Ends every session the person has, on every device and instance: sessions are signed cookies that cannot
 * be recalled, so instead each request compares its sign-in time with this mark (lib/auth/current-user.ts).
 * Personal API tokens are not sessions and keep working; revoke them on the profile page.
 */
export async function signOutEverywhere(options: { principal: PersonPrincipal; clock?: Clock }): Promise<void> {
  const now = (options.clock ?? systemClock).now();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: options.principal.userId }, data: { sessionsValidAfter: now } });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "user.signed_out_everywhere",
      subject: { kind: "user", id: options.principal.userId },
      at: now,
    });
  });
}
