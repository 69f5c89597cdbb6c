import type { ScheduleRules } from "./schemas";
import { wallTimeAt, weekdayBefore } from "./wall-time";

export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Whether a schedule is open at an instant: inside a one-off window, or inside a weekly rule read on the
 * wall clock of the schedule's timezone (so a 09:00–17:00 rule follows daylight saving time). A rule
 * whose end is at or before its start runs past midnight: `fri 22:00–02:00` is open early on Saturday.
 * Start is inclusive, end exclusive.
 */
export function isScheduleOpen(schedule: ScheduleRules, at: Date): boolean {
  const instant = at.getTime();
  if (schedule.oneOffWindows.some((window) => Date.parse(window.startsAt) <= instant && instant < Date.parse(window.endsAt))) return true;
  if (schedule.weeklyRules.length === 0) return false;
  const { weekday, minuteOfDay } = wallTimeAt(schedule.timezone, at);
  const yesterday = weekdayBefore(weekday);
  return schedule.weeklyRules.some((rule) => {
    const [start, end] = [minutesOf(rule.start), minutesOf(rule.end)];
    if (start < end) return rule.days.includes(weekday) && start <= minuteOfDay && minuteOfDay < end;
    return (rule.days.includes(weekday) && minuteOfDay >= start) || (rule.days.includes(yesterday) && minuteOfDay < end);
  });
}

/** The names of the schedules open at an instant: what a policy's context reads. */
export function openScheduleNames(schedules: Iterable<ScheduleRules & { name: string }>, at: Date): Set<string> {
  const open = new Set<string>();
  for (const schedule of schedules) if (isScheduleOpen(schedule, at)) open.add(schedule.name);
  return open;
}
