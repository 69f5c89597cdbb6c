import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";

export async function recordSignOut(options: { userId: string; clock?: Clock }): Promise<void> {
  const at = (options.clock ?? systemClock).now();
  await prisma.$transaction((tx) =>
    recordEvent(tx, { actor: { kind: "USER", id: options.userId }, action: "user.signed_out", subject: { kind: "user", id: options.userId }, at }),
  );
}
