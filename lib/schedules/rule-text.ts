import { WEEKDAYS, type OneOffWindow, type Weekday, type WeeklyRule } from "./schemas";
import { instantsAtWallTime, wallTimeAt } from "./wall-time";

// How the schedule form writes rules and windows: one per line, in words a person types.
//   weekly:  `mon-fri 09:00-17:00`, `tue,thu 10:00-12:00`, `fri 22:00-02:00` (past midnight), `daily 00:00-06:00`
//   one-off: `2026-12-24 08:00 - 2026-12-24 10:00 Hotfix slot`, read on the schedule's own wall clock

const DAY_WORDS: Record<string, readonly Weekday[]> = {
  daily: WEEKDAYS,
  weekdays: ["mon", "tue", "wed", "thu", "fri"],
  weekends: ["sat", "sun"],
};

function daysOf(spec: string): Weekday[] | null {
  const days = new Set<Weekday>();
  for (const part of spec.split(",")) {
    if (DAY_WORDS[part]) DAY_WORDS[part].forEach((day) => days.add(day));
    else {
      const [from, to = from] = part.split("-") as [Weekday, Weekday?];
      const [start, end] = [WEEKDAYS.indexOf(from), WEEKDAYS.indexOf(to as Weekday)];
      if (start < 0 || end < 0) return null;
      for (let index = start; ; index = (index + 1) % 7) {
        days.add(WEEKDAYS[index]!);
        if (index === end) break;
      }
    }
  }
  return WEEKDAYS.filter((day) => days.has(day));
}

const RULE_LINE = /^(\S+)\s+(\d{1,2}:\d{2})\s*(?:-|–|to)\s*(\d{1,2}:\d{2})$/;
const pad = (time: string) => time.padStart(5, "0");

/** A weekly rule from a line, or a sentence saying what is wrong with it. */
export function parseWeeklyRuleLine(line: string): WeeklyRule | string {
  const match = RULE_LINE.exec(line.trim().toLowerCase());
  if (!match) return "write days and times such as mon-fri 09:00-17:00";
  const days = daysOf(match[1]!);
  if (!days) return `${match[1]} is not a day such as mon, mon-fri, tue,thu, weekdays or daily`;
  return { days, start: pad(match[2]!), end: pad(match[3]!) };
}

/** `mon-fri 09:00-17:00`: runs of three or more days as a range. */
export function formatWeeklyRule(rule: { days: readonly Weekday[]; start: string; end: string }): string {
  const indexes = rule.days.map((day) => WEEKDAYS.indexOf(day)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let at = 0; at < indexes.length;) {
    let end = at;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end]! + 1) end++;
    const run = indexes.slice(at, end + 1).map((index) => WEEKDAYS[index]!);
    parts.push(run.length >= 3 ? `${run[0]}-${run[run.length - 1]}` : run.join(","));
    at = end + 1;
  }
  const days = parts.join(",");
  return `${days === "mon-sun" ? "daily" : days} ${rule.start}-${rule.end}`;
}

const WINDOW_LINE = /^(\d{4})-(\d{2})-(\d{2})[ t](\d{2}):(\d{2})\s*(?:-|–|to)\s*(\d{4})-(\d{2})-(\d{2})[ t](\d{2}):(\d{2})(?:\s+(.*))?$/i;

function instantOf(timezone: string, [year, month, day, hour, minute]: number[]): number | null {
  if (hour! > 23 || minute! > 59) return null;
  return instantsAtWallTime(timezone, { year: year!, month: month!, day: day! }, hour! * 60 + minute!)[0] ?? null;
}

/** A one-off window from a line, its times read in `timezone`, or a sentence saying what is wrong with it. */
export function parseWindowLine(line: string, timezone: string): OneOffWindow | string {
  const match = WINDOW_LINE.exec(line.trim());
  if (!match) return "write a window such as 2026-12-24 08:00 - 2026-12-24 10:00 Hotfix slot";
  const numbers = match.slice(1, 11).map(Number);
  const [startsAt, endsAt] = [instantOf(timezone, numbers.slice(0, 5)), instantOf(timezone, numbers.slice(5, 10))];
  if (startsAt === null || endsAt === null) return `a time that does not exist in ${timezone} (the clocks skip it)`;
  if (endsAt <= startsAt) return "must end after it starts";
  return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString(), note: (match[11] ?? "").trim() };
}

function wallText(timezone: string, at: string): string {
  const wall = wallTimeAt(timezone, new Date(at));
  const two = (value: number) => String(value).padStart(2, "0");
  return `${wall.year}-${two(wall.month)}-${two(wall.day)} ${two(Math.floor(wall.minuteOfDay / 60))}:${two(wall.minuteOfDay % 60)}`;
}

export function formatWindow(window: { startsAt: string; endsAt: string; note: string }, timezone: string): string {
  return `${wallText(timezone, window.startsAt)} - ${wallText(timezone, window.endsAt)}${window.note ? ` ${window.note}` : ""}`;
}
