import type { Schedule } from "@/lib/generated/prisma/client";
import { isScheduleOpen } from "./is-schedule-open";
import { nextTransition } from "./next-transition";
import type { OneOffWindow, ScheduleDto, WeeklyRule } from "./schemas";

/** The stored rules, as written by the create and update functions (already validated then). */
export function scheduleRulesOf(schedule: Schedule): { weeklyRules: WeeklyRule[]; oneOffWindows: OneOffWindow[] } {
  return { weeklyRules: schedule.weeklyRules as unknown as WeeklyRule[], oneOffWindows: schedule.oneOffWindows as unknown as OneOffWindow[] };
}

/** A schedule with whether it is open at `now` and when that next changes. */
export function toScheduleDto(schedule: Schedule, now: Date): ScheduleDto {
  const rules = { timezone: schedule.timezone, ...scheduleRulesOf(schedule) };
  const next = nextTransition(rules, now);
  return {
    id: schedule.id,
    name: schedule.name,
    description: schedule.description,
    ...rules,
    openNow: isScheduleOpen(rules, now),
    nextTransition: next && { at: next.at.toISOString(), open: next.open },
    createdAt: schedule.createdAt.toISOString(),
    updatedAt: schedule.updatedAt.toISOString(),
  };
}
