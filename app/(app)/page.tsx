import type { Metadata } from "next";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { overviewKey } from "@/components/overview/overview-queries";
import { Prefetched } from "@/components/requests/prefetched";
import { requireUserForPage } from "@/lib/auth/current-user";
import { getOverview } from "@/lib/overview/get-overview";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requireUserForPage();
  const overview = await getOverview({ viewer: { userId: viewer.id, role: viewer.role } });
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-lg font-semibold">Overview</h1>
      <Prefetched queryKey={overviewKey} data={overview}>
        <OverviewDashboard />
      </Prefetched>
    </div>
  );
}
