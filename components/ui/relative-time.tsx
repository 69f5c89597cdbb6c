const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
];
const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** Relative time for scanning, with the exact UTC instant in the title and the machine-readable datetime. */
export function RelativeTime({ at, now }: { at: string; now: number }) {
  const delta = new Date(at).getTime() - now;
  const [unit, size] = units.find(([, ms]) => Math.abs(delta) >= ms) ?? units[units.length - 1]!;
  return (
    <time dateTime={at} title={at}>
      {format.format(Math.round(delta / size), unit)}
    </time>
  );
}
