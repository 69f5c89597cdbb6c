import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import { notFound } from "@/lib/kernel/errors";
import type { ScheduleDto } from "./schemas";
import { toScheduleDto } from "./to-schedule-dto";

export async function getSchedule(options: { scheduleId: string; clock?: Clock }): Promise<ScheduleDto> {
  const schedule = await prisma.schedule.findUnique({ where: { id: options.scheduleId } });
  if (!schedule) throw notFound("The schedule");
  return toScheduleDto(schedule, (options.clock ?? systemClock).now());
}
