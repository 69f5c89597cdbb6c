import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireUserForPage } from "@/lib/auth/current-user";
import { getOverview } from "@/lib/overview/get-overview";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requireUserForPage();
  const { asOf, counts, recentEvents } = await getOverview({ viewer });
  const now = new Date(asOf).getTime();
  const stats = [
    { label: "Pending requests", value: counts.pendingRequests },
    { label: "Active grants", value: counts.activeGrants },
    { label: "Expiring within 15 min", value: counts.expiringSoon },
    { label: "Open incidents", value: counts.openIncidents },
    { label: "Active agents", value: counts.activeAgents },
  ];
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-lg font-semibold">Overview</h1>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Delegation state">
        {stats.map((stat) => (
          <li key={stat.label} className="rounded-lg border bg-card px-4 py-3">
            <p className="text-xs text-muted-foreground">{stat.label}</p>
            <p className="text-2xl font-semibold tabular-nums">{stat.value}</p>
          </li>
        ))}
      </ul>
      <Card>
        <CardHeader>
          <CardTitle>Recent activity</CardTitle>
          <CardDescription>The latest entries of the tamper-evident audit log.</CardDescription>
        </CardHeader>
        <CardContent className="p-0">
          {recentEvents.length === 0 ? (
            <p className="px-4 py-6 text-sm text-muted-foreground">Nothing has happened yet.</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-muted-foreground">
                <tr className="border-b">
                  <th scope="col" className="px-4 py-2 font-medium">#</th>
                  <th scope="col" className="px-4 py-2 font-medium">When</th>
                  <th scope="col" className="px-4 py-2 font-medium">Action</th>
                  <th scope="col" className="px-4 py-2 font-medium">Actor</th>
                  <th scope="col" className="px-4 py-2 font-medium">Subject</th>
                </tr>
              </thead>
              <tbody>
                {recentEvents.map((event) => (
                  <tr key={event.seq} className="border-b last:border-0">
                    <td className="px-4 py-1.5 tabular-nums text-muted-foreground">{event.seq}</td>
                    <td className="px-4 py-1.5 whitespace-nowrap">
                      <RelativeTime at={event.at} now={now} />
                    </td>
                    <td className="px-4 py-1.5 font-mono text-xs">{event.action}</td>
                    <td className="px-4 py-1.5 font-mono text-xs">{event.actor}</td>
                    <td className="px-4 py-1.5 font-mono text-xs">{event.subject}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
