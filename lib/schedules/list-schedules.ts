import { prisma } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/kernel/clock";
import type { ScheduleDto } from "./schemas";
import { toScheduleDto } from "./to-schedule-dto";

/**
 * Every named schedule, by name, with whether each is open now (from the one clock). Not secret to
 * signed-in people; callers authenticate first. The policy engine reads the rules and calls
 * `openScheduleNames` (lib/schedules/is-schedule-open.ts) at the moment it decides.
 */
export async function listSchedules(options: { clock?: Clock } = {}): Promise<ScheduleDto[]> {
  const now = (options.clock ?? systemClock).now();
  const schedules = await prisma.schedule.findMany({ orderBy: { name: "asc" } });
  return schedules.map((schedule) => toScheduleDto(schedule, now));
}
