import { isScheduleOpen, minutesOf } from "./is-schedule-open";
import type { ScheduleRules } from "./schemas";
import { instantsAtWallTime, offsetChangesBetween, wallTimeAt } from "./wall-time";

export interface ScheduleTransition {
  at: Date;
  /** true: the schedule opens at `at`; false: it closes. */
  open: boolean;
}

const DAY_MS = 24 * 3600_000;
/** Weekly rules repeat within a week: a span a little longer than one holds their every edge. */
const WEEK_SPAN_DAYS = 8;

/** The instants in (from, from + 8 days] where a weekly rule's edge falls, or the wall clock jumps over one. */
function weeklyEdgesAfter(schedule: ScheduleRules, from: number): number[] {
  const minutes = new Set(schedule.weeklyRules.flatMap((rule) => [minutesOf(rule.start), minutesOf(rule.end)]));
  const today = wallTimeAt(schedule.timezone, from);
  const edges: number[] = offsetChangesBetween(schedule.timezone, from, from + WEEK_SPAN_DAYS * DAY_MS);
  for (let offset = 0; offset <= WEEK_SPAN_DAYS; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    for (const minute of minutes) edges.push(...instantsAtWallTime(schedule.timezone, date, minute));
  }
  return edges;
}

/**
 * When the schedule next opens or closes after `at` (strictly later), or null if it never changes again
 * (no rules, only past windows, or open around the clock). Edges are found on the wall clock, so a
 * transition inside a DST jump lands on the jump itself.
 */
export function nextTransition(schedule: ScheduleRules, at: Date): ScheduleTransition | null {
  const from = at.getTime();
  const windowEdges = schedule.oneOffWindows.flatMap((window) => [Date.parse(window.startsAt), Date.parse(window.endsAt)]).filter((edge) => edge > from);
  const candidates = new Set(windowEdges);
  if (schedule.weeklyRules.length > 0)
    // The weekly edges after now, and after each window's end: a long window can hide a week of them.
    for (const start of [from, ...windowEdges]) for (const edge of weeklyEdgesAfter(schedule, start)) if (edge > from) candidates.add(edge);

  const openNow = isScheduleOpen(schedule, at);
  for (const candidate of [...candidates].sort((a, b) => a - b))
    if (isScheduleOpen(schedule, new Date(candidate)) !== openNow) return { at: new Date(candidate), open: !openNow };
  return null;
}
