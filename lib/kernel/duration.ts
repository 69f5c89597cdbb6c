// Baton's one duration grammar, read the same by the web forms, the browser's grant filter, the CLI and
// MCP. The public API itself takes whole seconds (`durationSeconds`) and never parses text.

const UNIT_SECONDS = { w: 7 * 86_400, d: 86_400, h: 3_600, min: 60, m: 60, s: 1 } as const;

// Units largest first, each at most once, so "1h30m" reads one way only and "30m1h" is a typo, not 90 minutes.
// Spaces between amount, unit and parts are allowed: "1 h 30 min" is how Baton itself writes durations.
const WRITTEN_DURATION = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)(?:min|m))?(?:(\d+)s)?$/;
const WRITTEN_UNITS = [UNIT_SECONDS.d, UNIT_SECONDS.h, UNIT_SECONDS.min, UNIT_SECONDS.s];

/** ISO 8601 weeks, days, hours, minutes and seconds only: years and months have no fixed length in seconds. */
export const ISO_DURATION = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const ISO_UNITS = [UNIT_SECONDS.w, UNIT_SECONDS.d, UNIT_SECONDS.h, UNIT_SECONDS.m, UNIT_SECONDS.s];

/**
 * Seconds from any spelling Baton accepts: written units (`15m`, `1h30m`, `1 h 30 min`, `2d`, any case),
 * ISO 8601 (`PT15M`, `P1DT2H`) and, where the caller allows it, a bare number of seconds (`900`). Null for
 * anything else, including fractions, negative amounts, years and months, and amounts too large to count
 * exactly.
 *
 * A bare number is refused by default: typed by a person into a form or a URL, "15" is as likely minutes
 * as seconds. The CLI (documented as seconds) and controls that post seconds allow it.
 */
export function parseDuration(text: string, options: { bareSeconds?: boolean } = {}): number | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return options.bareSeconds ? exactSeconds(Number(trimmed)) : null;
  const upper = trimmed.toUpperCase();
  const iso = ISO_DURATION.exec(upper);
  if (iso) return sumParts(iso.slice(1), ISO_UNITS);
  const written = WRITTEN_DURATION.exec(trimmed.toLowerCase().replace(/\s+/g, ""));
  return written ? sumParts(written.slice(1), WRITTEN_UNITS) : null;
}

function sumParts(parts: readonly (string | undefined)[], unitSeconds: readonly number[]): number | null {
  return exactSeconds(parts.reduce((total, part, index) => total + (part ? Number(part) * unitSeconds[index]! : 0), 0));
}

function exactSeconds(seconds: number): number | null {
  return Number.isSafeInteger(seconds) ? seconds : null;
}

/** 5400 → "1 h 30 min": how Baton writes a duration for people, exactly, and what its forms read back. */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = seconds;
  for (const unit of ["d", "h", "min", "s"] as const) {
    const amount = Math.floor(rest / UNIT_SECONDS[unit]);
    rest -= amount * UNIT_SECONDS[unit];
    if (amount > 0) parts.push(`${amount} ${unit}`);
  }
  return parts.join(" ") || "0 s";
}

/**
 * The largest unit and the one after it, compact: `1h 30m`, `2d 4h`, `45s`. The CLI's spelling on a
 * terminal line, precise enough for a person reading an expiry or a wait.
 */
export function formatDurationCompact(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const counts = (["d", "h", "m", "s"] as const).map((unit) => {
    const count = Math.floor(rest / UNIT_SECONDS[unit]);
    rest %= UNIT_SECONDS[unit];
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

/** 900 → `PT15M`, 93600 → `P1DT2H`: the shortest ISO 8601 spelling, for answers a model reads back. */
export function formatIsoDuration(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor((totalSeconds % 86400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const time = `${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds ? `${seconds}S` : ""}`;
  if (!days && !time) return "PT0S";
  return `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}`;
}
