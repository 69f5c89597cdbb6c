export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** An instant of the demo history, as an offset in milliseconds before the moment the demo is seeded. */
export function ago(days: number, hours = 0, minutes = 0): number {
  return -(days * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS);
}
