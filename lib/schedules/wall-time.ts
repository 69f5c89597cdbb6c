import { WEEKDAYS, type Weekday } from "./schemas";

/** What a clock on the wall in a timezone shows at an instant. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  /** 0–1439. */
  minuteOfDay: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function wallTimeAt(timeZone: string, at: Date | number): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatIn(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: parts.weekday!.slice(0, 3).toLowerCase() as Weekday,
    minuteOfDay: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
  };
}

export const weekdayBefore = (day: Weekday): Weekday => WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!;

/** Minutes the zone's wall clock is ahead of UTC at an instant. */
function offsetMinutesAt(timeZone: string, at: number): number {
  const wall = wallTimeAt(timeZone, at);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, 0, wall.minuteOfDay);
  return Math.round((wallAsUtc - (at - (((at % 60_000) + 60_000) % 60_000))) / 60_000);
}

const DAY_MS = 24 * 3600_000;

/**
 * The instants at which the zone's wall clock shows this date and minute: none in a spring-forward gap,
 * two in a fall-back overlap, else one.
 */
export function instantsAtWallTime(timeZone: string, date: { year: number; month: number; day: number }, minuteOfDay: number): number[] {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const offsets = new Set([offsetMinutesAt(timeZone, naive - DAY_MS), offsetMinutesAt(timeZone, naive + DAY_MS)]);
  const instants = [...offsets].map((offset) => naive - offset * 60_000);
  return [...new Set(instants)].filter((instant) => {
    const wall = wallTimeAt(timeZone, instant);
    // Compare on a calendar built from the wall time, so month and year roll-overs need no special case.
    return Date.UTC(wall.year, wall.month - 1, wall.day, 0, wall.minuteOfDay) === naive;
  });
}

const SAMPLE_MS = 6 * 3600_000;

/** The instants in (from, to] at which the zone changes its UTC offset (DST starts or ends). */
export function offsetChangesBetween(timeZone: string, from: number, to: number): number[] {
  const changes: number[] = [];
  let before = from;
  let offset = offsetMinutesAt(timeZone, before);
  while (before < to) {
    const after = Math.min(before + SAMPLE_MS, to);
    const next = offsetMinutesAt(timeZone, after);
    if (next !== offset) {
      let [low, high] = [before, after];
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetMinutesAt(timeZone, middle) === offset) low = middle;
        else high = middle;
      }
      changes.push(high);
      offset = next;
    }
    before = after;
  }
  return changes;
}
