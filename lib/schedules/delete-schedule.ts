import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { scheduleRulesOf } from "./to-schedule-dto";

/** A policy that still names a deleted schedule finds it closed; the audit event keeps what it was. */
export async function deleteSchedule(options: { principal: PersonPrincipal; scheduleId: string; clock?: Clock }): Promise<void> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  await prisma.$transaction(async (tx) => {
    const schedule = await tx.schedule.findUnique({ where: { id: options.scheduleId } });
    if (!schedule) throw notFound("The schedule");
    await tx.schedule.delete({ where: { id: schedule.id } });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "schedule.deleted",
      subject: { kind: "schedule", id: schedule.id },
      data: { name: schedule.name, timezone: schedule.timezone, ...scheduleRulesOf(schedule) },
      at: now,
    });
  });
}
