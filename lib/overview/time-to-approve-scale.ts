import { z } from "zod";

/** The ranges the time-to-approve chart offers: hourly buckets for a day, daily ones for a week or a month. */
export const APPROVAL_RANGES = {
  "24h": { bucketSeconds: 3_600, buckets: 24, label: "24 h" },
  "7d": { bucketSeconds: 86_400, buckets: 7, label: "7 d" },
  "30d": { bucketSeconds: 86_400, buckets: 30, label: "30 d" },
} as const;

export type ApprovalRange = keyof typeof APPROVAL_RANGES;

export const isApprovalRange = (value: unknown): value is ApprovalRange => typeof value === "string" && Object.hasOwn(APPROVAL_RANGES, value);

/** The floor of the chart's ceiling, so a range of instant approvals still draws a readable axis. */
const MIN_CEILING_SECONDS = 60;

/**
 * Where the chart's y-axis stops: twice the range's own 90th percentile. One request left waiting for
 * days would otherwise flatten every other bucket to the baseline; buckets above are drawn at the
 * ceiling, the chart says so, and its table keeps the exact values. Null when nothing was approved.
 */
export function approvalChartCeiling(
  buckets: readonly { p90Seconds: number | null }[],
  rangeP90Seconds: number | null,
): { ceilingSeconds: number | null; clamped: boolean } {
  if (rangeP90Seconds === null) return { ceilingSeconds: null, clamped: false };
  const ceilingSeconds = Math.max(MIN_CEILING_SECONDS, Math.ceil((2 * rangeP90Seconds) / 60) * 60);
  return { ceilingSeconds, clamped: buckets.some((bucket) => bucket.p90Seconds !== null && bucket.p90Seconds > ceilingSeconds) };
}

/** `?range=` of the time-to-approve chart's endpoint. */
export const timeToApproveQuery = z.object({
  range: z.enum(Object.keys(APPROVAL_RANGES) as [ApprovalRange, ...ApprovalRange[]], { message: "must be 24h, 7d or 30d" }).default("7d"),
});
