import { prisma } from "@/lib/db";
import { getTimeToApprove } from "./get-time-to-approve";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Bucket {
  bucket: number;
  grants: number;
}

/** `count` buckets of `size` ms ending with the one holding `now`, each with its start as ISO time; empty ones are zero. */
function series<T extends { bucket: number }, V>(rows: T[], now: Date, size: number, count: number, value: (row: T | undefined) => V) {
  const byBucket = new Map(rows.map((row) => [Number(row.bucket), row]));
  const current = Math.floor(now.getTime() / size);
  return Array.from({ length: count }, (_, i) => {
    const bucket = current - count + 1 + i;
    return { start: new Date(bucket * size).toISOString(), ...value(byBucket.get(bucket)) };
  });
}

/**
 * The overview's charts, aggregated in the database so they stay cheap at any volume: grants issued per
 * hour over the last 24 hours and per day over the last 7 (UTC), and how long people took to approve
 * over the last 7 days (the chart's default range; lib/overview/get-time-to-approve.ts).
 * Buckets are computed from epoch seconds, independent of the session's time zone.
 */
export async function getDelegationActivity(options: { now: Date }) {
  const { now } = options;
  const dayStart = (Math.floor(now.getTime() / DAY) - 6) * DAY;
  const hourStart = (Math.floor(now.getTime() / HOUR) - 23) * HOUR;
  const since = (ms: number) => ms / 1000;
  const [hourly, daily, timeToApprove] = await Promise.all([
    prisma.$queryRaw<Bucket[]>`
      SELECT floor(extract(epoch FROM "createdAt") / 3600)::int AS bucket, count(*)::int AS grants
      FROM "Grant" WHERE "createdAt" >= (to_timestamp(${since(hourStart)}) AT TIME ZONE 'UTC') GROUP BY 1`,
    prisma.$queryRaw<Bucket[]>`
      SELECT floor(extract(epoch FROM "createdAt") / 86400)::int AS bucket, count(*)::int AS grants
      FROM "Grant" WHERE "createdAt" >= (to_timestamp(${since(dayStart)}) AT TIME ZONE 'UTC') GROUP BY 1`,
    getTimeToApprove({ now, range: "7d" }),
  ]);
  const grants = (row: Bucket | undefined) => ({ grants: row?.grants ?? 0 });
  return {
    grantsByHour: series(hourly, now, HOUR, 24, grants),
    grantsByDay: series(daily, now, DAY, 7, grants),
    timeToApprove,
  };
}

export type DelegationActivity = Awaited<ReturnType<typeof getDelegationActivity>>;
