import { CliUsageError } from "./cli-usage-error";

const UNIT_SECONDS = { d: 86_400, h: 3600, m: 60, s: 1 } as const;
// Units largest first, each at most once, so "1h30m" reads one way only and "30m1h" is a typo, not 90 minutes.
const DURATION_PATTERN = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Parses `90s`, `15m`, `2h`, `1h30m`, `90d` or plain seconds into seconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) : parseUnits(trimmed);
  if (seconds === null || !Number.isSafeInteger(seconds)) {
    throw new CliUsageError(`${flag} must be a duration such as 90s, 15m, 2h, 1h30m or a number of seconds, not ${JSON.stringify(text)}`);
  }
  return seconds;
}

function parseUnits(text: string): number | null {
  const match = DURATION_PATTERN.exec(text);
  if (!match || text === "") return null;
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * UNIT_SECONDS.d + Number(hours ?? 0) * UNIT_SECONDS.h + Number(minutes ?? 0) * UNIT_SECONDS.m + Number(seconds ?? 0) * UNIT_SECONDS.s;
}

/** The largest unit and the one after it, e.g. `1h 30m`, `2d 4h`, `45s`: precise enough for a person reading an expiry. */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const counts = Object.entries(UNIT_SECONDS).map(([unit, size]) => {
    const count = Math.floor(rest / size);
    rest %= size;
    return { unit, count };
  });
  const largest = counts.findIndex(({ count }) => count > 0);
  if (largest === -1) return "0s";
  return counts
    .slice(largest, largest + 2)
    .filter(({ count }) => count > 0)
    .map(({ unit, count }) => `${count}${unit}`)
    .join(" ");
}

/** `in 14m 59s` or `2h 5m ago`. */
export function formatRelative(secondsFromNow: number): string {
  return secondsFromNow >= 0 ? `in ${formatDuration(secondsFromNow)}` : `${formatDuration(-secondsFromNow)} ago`;
}
