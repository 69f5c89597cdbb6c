import { formatDurationCompact, parseDuration } from "@/lib/kernel/duration";
import { CliUsageError } from "./cli-usage-error";

/** A duration flag in any of Baton's spellings (`90s`, `15m`, `1h30m`, `1 h 30 min`, `PT15M`, plain seconds), in seconds. */
export function parseDurationFlag(text: string, flag: string): number {
  const seconds = parseDuration(text, { bareSeconds: true });
  if (seconds === null) {
    throw new CliUsageError(`${flag} must be a duration such as 90s, 15m, 2h, 1h30m, PT1H30M or a number of seconds, not ${JSON.stringify(text)}`);
  }
  return seconds;
}

/** `in 14m 59s` or `2h 5m ago`. */
export function formatRelative(secondsFromNow: number): string {
  return secondsFromNow >= 0 ? `in ${formatDurationCompact(secondsFromNow)}` : `${formatDurationCompact(-secondsFromNow)} ago`;
}
