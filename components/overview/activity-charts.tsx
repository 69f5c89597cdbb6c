"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { queryKeys } from "@/components/live/query-keys";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { APPROVAL_RANGES, type ApprovalRange } from "@/lib/overview/time-to-approve-scale";
import { formatDuration } from "@/lib/kernel/duration";
import { fetchTimeToApprove, type Overview } from "./overview-queries";

type Activity = Overview["activity"];

const hourLabel = (iso: string) => `${iso.slice(11, 13)}:00`;
const dayLabel = (iso: string) => iso.slice(5, 10);
const AXIS = { fontSize: 11, stroke: "var(--color-muted-foreground)" };

/**
 * A chart with its numbers as a visually hidden table, so screen readers and tests read the same data;
 * with nothing to draw it says so instead of showing an empty frame.
 */
function ChartCard({
  title,
  description,
  table,
  empty,
  actions,
  children,
}: {
  title: string;
  description: React.ReactNode;
  table: { head: string[]; rows: (string | number)[][] };
  empty: string | false;
  actions?: React.ReactNode;
  children: React.ReactElement;
}) {
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="flex flex-col gap-1">
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        {actions}
      </CardHeader>
      <CardContent className="px-2 py-3">
        {empty ? (
          <p className="flex h-44 items-center justify-center px-4 text-center text-sm text-muted-foreground">{empty}</p>
        ) : (
          <>
            <div className="h-44" aria-hidden>
              <ResponsiveContainer width="100%" height="100%">
                {children}
              </ResponsiveContainer>
            </div>
            <div className="sr-only">
              <table aria-label={title}>
                <thead>
                  <tr>
                    {table.head.map((cell) => (
                      <th key={cell} scope="col">
                        {cell}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={String(row[0])}>
                      {row.map((cell, i) => (
                        <td key={i}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function GrantsBars({ data, label }: { data: Activity["grantsByHour"]; label: (iso: string) => string }) {
  return (
    // The keyboard layer is off: the chart is hidden from assistive technology, which reads the table instead.
    <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, left: -16, bottom: 0 }}>
      <CartesianGrid vertical={false} strokeDasharray="3 3" />
      <XAxis dataKey="start" tickFormatter={label} tick={AXIS} interval="preserveStartEnd" />
      <YAxis allowDecimals={false} tick={AXIS} />
      <Tooltip labelFormatter={(value) => label(String(value))} />
      <Bar dataKey="grants" name="Grants issued" fill="var(--color-primary)" isAnimationActive={false} />
    </BarChart>
  );
}

const noGrants = (buckets: { grants: number }[], period: string) =>
  buckets.every((bucket) => bucket.grants === 0) && `No grants were issued in the last ${period}.`;

/** Grants issued per hour (24 h) and per day (7 days), and time to approve over a chosen range. */
export function ActivityCharts({ activity }: { activity: Activity }) {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <ChartCard
        title="Grants, last 24 hours"
        description="Issued per hour (UTC)."
        empty={noGrants(activity.grantsByHour, "24 hours")}
        table={{ head: ["Hour (UTC)", "Grants issued"], rows: activity.grantsByHour.map((b) => [b.start, b.grants]) }}
      >
        <GrantsBars data={activity.grantsByHour} label={hourLabel} />
      </ChartCard>
      <ChartCard
        title="Grants, last 7 days"
        description="Issued per day (UTC)."
        empty={noGrants(activity.grantsByDay, "7 days")}
        table={{ head: ["Day (UTC)", "Grants issued"], rows: activity.grantsByDay.map((b) => [b.start.slice(0, 10), b.grants]) }}
      >
        <GrantsBars data={activity.grantsByDay} label={dayLabel} />
      </ChartCard>
      <TimeToApproveChart initial={activity.timeToApprove} />
    </div>
  );
}

/**
 * Median and 90th percentile per bucket — percentiles, so one request left waiting for days cannot
 * swamp the rest — over 24 h, 7 d or 30 d; buckets above the ceiling are drawn at it, and said so.
 */
function TimeToApproveChart({ initial }: { initial: Activity["timeToApprove"] }) {
  const [range, setRange] = useState<ApprovalRange>(initial.range);
  const { data } = useQuery({
    queryKey: queryKeys.timeToApprove(range),
    queryFn: () => fetchTimeToApprove(range),
    initialData: range === initial.range ? initial : undefined,
  });
  const hourly = range === "24h";
  const label = hourly ? hourLabel : dayLabel;
  const unit = hourly ? "hour" : "day";
  const cap = (seconds: number | null) => (seconds === null ? null : Math.round((Math.min(seconds, data?.ceilingSeconds ?? seconds) / 60) * 10) / 10);
  const points = data?.buckets.map((bucket) => ({ ...bucket, median: cap(bucket.medianSeconds), p90: cap(bucket.p90Seconds) })) ?? [];
  const summary = data?.summary;
  const description = (
    <>
      From filing to the deciding approval, per {unit} (UTC): median and 90th percentile, in minutes. Auto-approvals excluded.
      {summary && summary.medianSeconds !== null && summary.p90Seconds !== null && (
        <>
          {" "}
          Over the range: median {formatDuration(summary.medianSeconds)}, 90th percentile {formatDuration(summary.p90Seconds)} ({summary.approved} approved).
        </>
      )}
      {data?.clamped && data.ceilingSeconds !== null && (
        <>
          {" "}
          Slower {unit}s are drawn at {formatDuration(data.ceilingSeconds)}; the exact values are in the table.
        </>
      )}
    </>
  );
  return (
    <ChartCard
      title="Time to approve"
      description={description}
      actions={
        <div role="group" aria-label="Range" className="flex gap-1">
          {(Object.keys(APPROVAL_RANGES) as ApprovalRange[]).map((choice) => (
            <Button
              key={choice}
              type="button"
              size="sm"
              variant={choice === range ? "default" : "outline"}
              aria-pressed={choice === range}
              className="h-7 px-2"
              onClick={() => setRange(choice)}
            >
              {APPROVAL_RANGES[choice].label}
            </Button>
          ))}
        </div>
      }
      empty={!data ? "Loading…" : summary?.approved === 0 && `Nothing was approved by a person in the last ${APPROVAL_RANGES[range].label}.`}
      table={{
        head: [hourly ? "Hour (UTC)" : "Day (UTC)", "Approved", "Median", "90th percentile"],
        rows: (data?.buckets ?? []).map((b) => [
          hourly ? b.start : b.start.slice(0, 10),
          b.approved,
          b.medianSeconds === null ? "—" : formatDuration(b.medianSeconds),
          b.p90Seconds === null ? "—" : formatDuration(b.p90Seconds),
        ]),
      }}
    >
      <LineChart accessibilityLayer={false} data={points} margin={{ top: 4, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="start" tickFormatter={label} tick={AXIS} interval="preserveStartEnd" />
        <YAxis tick={AXIS} domain={data?.ceilingSeconds ? [0, Math.round((data.ceilingSeconds / 60) * 10) / 10] : [0, "auto"]} allowDataOverflow />
        <Tooltip labelFormatter={(value) => label(String(value))} formatter={(value) => `${String(value)} min`} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Line dataKey="median" name="Median" stroke="var(--color-primary)" connectNulls dot isAnimationActive={false} />
        <Line dataKey="p90" name="90th percentile" stroke="var(--color-warning)" connectNulls dot isAnimationActive={false} />
      </LineChart>
    </ChartCard>
  );
}
