import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import { nameTaken } from "./name-taken";
import type { ScheduleDto, UpdateScheduleBody } from "./schemas";
import { scheduleRulesOf, toScheduleDto } from "./to-schedule-dto";

/** Renaming is allowed (policies name schedules, so the audit event keeps both names). */
export async function updateSchedule(options: {
  principal: PersonPrincipal;
  scheduleId: string;
  input: UpdateScheduleBody;
  clock?: Clock;
}): Promise<ScheduleDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const changes = Object.fromEntries(Object.entries(options.input).filter(([, value]) => value !== undefined)) as UpdateScheduleBody;
  return prisma.$transaction(async (tx) => {
    const before = await tx.schedule.findUnique({ where: { id: options.scheduleId } });
    if (!before) throw notFound("The schedule");
    if (changes.name && changes.name !== before.name && (await tx.schedule.findUnique({ where: { name: changes.name }, select: { id: true } })))
      throw nameTaken(changes.name);
    const schedule = await tx.schedule.update({ where: { id: before.id }, data: { ...changes, updatedAt: now } });
    const shape = (row: typeof before) => ({ name: row.name, description: row.description, timezone: row.timezone, ...scheduleRulesOf(row) });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "schedule.updated",
      subject: { kind: "schedule", id: schedule.id },
      data: { name: schedule.name, before: shape(before), after: shape(schedule) },
      at: now,
    });
    return toScheduleDto(schedule, now);
  });
}
