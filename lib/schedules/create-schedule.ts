import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/authorization/rules";
import { auditActorOf, type PersonPrincipal } from "@/lib/kernel/principal";
import { recordEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { newId } from "@/lib/kernel/ids";
import { nameTaken } from "./name-taken";
import type { CreateScheduleBody, ScheduleDto } from "./schemas";
import { toScheduleDto } from "./to-schedule-dto";

export async function createSchedule(options: { principal: PersonPrincipal; input: CreateScheduleBody; clock?: Clock }): Promise<ScheduleDto> {
  requireAdmin(options.principal);
  const now = (options.clock ?? systemClock).now();
  const input = options.input;
  return prisma.$transaction(async (tx) => {
    if (await tx.schedule.findUnique({ where: { name: input.name }, select: { id: true } })) throw nameTaken(input.name);
    const schedule = await tx.schedule.create({ data: { id: newId("schedule"), ...input, createdAt: now, updatedAt: now } });
    await recordEvent(tx, {
      actor: auditActorOf(options.principal),
      action: "schedule.created",
      subject: { kind: "schedule", id: schedule.id },
      data: input,
      at: now,
    });
    return toScheduleDto(schedule, now);
  });
}
