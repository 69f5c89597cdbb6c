import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";

export async function recordSignOut(options: { principal: PersonPrincipal; clock?: Clock }): Promise<void> {
  const at = (options.clock ?? systemClock).now();
  await prisma.$transaction((tx) =>
    recordEvent(tx, { actor: auditActorOf(options.principal), action: "user.signed_out", subject: { kind: "user", id: options.principal.userId }, at }),
  );
}
