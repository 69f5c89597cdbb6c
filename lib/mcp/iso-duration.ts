// Weeks, days, hours, minutes and seconds only: years and months have no fixed length in seconds.
export const ISO_DURATION = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const UNIT_SECONDS = [7 * 86400, 86400, 3600, 60, 1];

/** `PT15M` → 900, `P1DT2H` → 93600; null for anything else (including years, months and fractions). */
export function parseIsoDuration(text: string): number | null {
  const match = ISO_DURATION.exec(text.trim().toUpperCase());
  if (!match) return null;
  const seconds = match.slice(1).reduce((total, part, index) => total + (part ? Number(part) * UNIT_SECONDS[index]! : 0), 0);
  return Number.isSafeInteger(seconds) ? seconds : null;
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
