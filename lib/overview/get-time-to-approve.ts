import { systemClock } from "@/lib/kernel/clock";
import { prisma } from "@/lib/db";
import { APPROVAL_RANGES, approvalChartCeiling, type ApprovalRange } from "./time-to-approve-scale";

type Row = { bucket: number; approved: number; p50: number; p90: number };

/**
 * How long people took to approve over a range, from filing to the deciding approval (auto-approvals
 * excluded): median and 90th percentile per bucket and over the whole range — percentiles, not means,
 * so one request left waiting for days cannot swamp the rest — and the chart's clamped ceiling.
 * Aggregated in the database; buckets come from epoch seconds, independent of the session's time zone.
 */
export async function getTimeToApprove(options: { now?: Date; range: ApprovalRange }) {
  const now = options.now ?? systemClock.now();
  const { bucketSeconds, buckets: count } = APPROVAL_RANGES[options.range];
  const current = Math.floor(now.getTime() / 1000 / bucketSeconds);
  const since = (current - count + 1) * bucketSeconds;
  const [rows, [whole]] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT floor(extract(epoch FROM r."decidedAt") / ${bucketSeconds}::integer)::int AS bucket, count(*)::int AS approved,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."decidedAt" - r."createdAt"))::float8 AS p50,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r."decidedAt" - r."createdAt"))::float8 AS p90
      FROM "AccessRequest" r JOIN "Grant" g ON g."requestId" = r.id
      WHERE r.status = 'APPROVED' AND g."grantedByKind" = 'USER'
        AND r."decidedAt" >= (to_timestamp(${since}::integer) AT TIME ZONE 'UTC')
      GROUP BY 1`,
    prisma.$queryRaw<Omit<Row, "bucket">[]>`
      SELECT count(*)::int AS approved,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."decidedAt" - r."createdAt"))::float8 AS p50,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r."decidedAt" - r."createdAt"))::float8 AS p90
      FROM "AccessRequest" r JOIN "Grant" g ON g."requestId" = r.id
      WHERE r.status = 'APPROVED' AND g."grantedByKind" = 'USER'
        AND r."decidedAt" >= (to_timestamp(${since}::integer) AT TIME ZONE 'UTC')`,
  ]);
  const byBucket = new Map(rows.map((row) => [Number(row.bucket), row]));
  const buckets = Array.from({ length: count }, (_, i) => {
    const bucket = current - count + 1 + i;
    const row = byBucket.get(bucket);
    return {
      start: new Date(bucket * bucketSeconds * 1000).toISOString(),
      approved: row?.approved ?? 0,
      medianSeconds: row ? Math.round(row.p50) : null,
      p90Seconds: row ? Math.round(row.p90) : null,
    };
  });
  const seconds = (value: number | null | undefined) => (whole && whole.approved > 0 && value !== null && value !== undefined ? Math.round(value) : null);
  const summary = { approved: whole?.approved ?? 0, medianSeconds: seconds(whole?.p50), p90Seconds: seconds(whole?.p90) };
  return { range: options.range, buckets, summary, ...approvalChartCeiling(buckets, summary.p90Seconds) };
}

export type TimeToApprove = Awaited<ReturnType<typeof getTimeToApprove>>;
