"use client";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDuration } from "@/lib/scopes/form-schemas";
import type { Overview } from "./overview-queries";

type Activity = Overview["activity"];

const hourLabel = (iso: string) => `${iso.slice(11, 13)}:00`;
const dayLabel = (iso: string) => iso.slice(5, 10);
const AXIS = { fontSize: 11, stroke: "var(--color-muted-foreground)" };

/**
 * A chart with its numbers as a visually hidden table, so screen readers and tests read the same data. With
 * nothing to plot it says so (`empty`) rather than drawing flat lines that look like a broken chart.
 */
function ChartCard({ title, description, table, empty, children }: { title: string; description: string; table: { head: string[]; rows: (string | number)[][] }; empty?: string | false; children: React.ReactElement }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="px-2 py-3">
        {empty ? (
          <p className="flex h-44 items-center justify-center px-4 text-center text-sm text-muted-foreground">{empty}</p>
        ) : (
          <div className="h-44" aria-hidden>
            <ResponsiveContainer width="100%" height="100%">
              {children}
            </ResponsiveContainer>
          </div>
        )}
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

/** Grants issued per hour (24 h) and per day (7 days), and time to approve per day: median and 90th percentile. */
export function ActivityCharts({ activity }: { activity: Activity }) {
  const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);
  const approvals = activity.timeToApproveByDay.map((day) => ({ ...day, median: minutes(day.medianSeconds), p90: minutes(day.p90Seconds) }));
  const noGrants = (buckets: { grants: number }[]) => buckets.every((bucket) => bucket.grants === 0);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <ChartCard title="Grants, last 24 hours" description="Issued per hour (UTC)." table={{ head: ["Hour (UTC)", "Grants issued"], rows: activity.grantsByHour.map((b) => [b.start, b.grants]) }}
        empty={noGrants(activity.grantsByHour) && "No grants issued in the last 24 hours."}
      >
        <GrantsBars data={activity.grantsByHour} label={hourLabel} />
      </ChartCard>
      <ChartCard title="Grants, last 7 days" description="Issued per day (UTC)." table={{ head: ["Day (UTC)", "Grants issued"], rows: activity.grantsByDay.map((b) => [b.start.slice(0, 10), b.grants]) }}
        empty={noGrants(activity.grantsByDay) && "No grants issued in the last 7 days."}
      >
        <GrantsBars data={activity.grantsByDay} label={dayLabel} />
      </ChartCard>
      <ChartCard
        title="Time to approve"
        description="From filing to the deciding approval, per day: median and 90th percentile, in minutes. Auto-approvals excluded."
        table={{
          head: ["Day (UTC)", "Approved", "Median", "90th percentile"],
          rows: activity.timeToApproveByDay.map((d) => [d.start.slice(0, 10), d.approved, d.medianSeconds === null ? "—" : formatDuration(d.medianSeconds), d.p90Seconds === null ? "—" : formatDuration(d.p90Seconds)]),
        }}
        empty={activity.timeToApproveByDay.every((day) => day.approved === 0) && "No approvals in this range yet."}
      >
        <LineChart accessibilityLayer={false} data={approvals} margin={{ top: 4, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="start" tickFormatter={dayLabel} tick={AXIS} />
          <YAxis tick={AXIS} />
          <Tooltip labelFormatter={(value) => dayLabel(String(value))} formatter={(value) => `${String(value)} min`} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line dataKey="median" name="Median" stroke="var(--color-primary)" connectNulls dot isAnimationActive={false} />
          <Line dataKey="p90" name="90th percentile" stroke="var(--color-warning)" connectNulls dot isAnimationActive={false} />
        </LineChart>
      </ChartCard>
    </div>
  );
}
