import type { Metadata } from "next";
import { queryKeys } from "@/components/live/query-keys";
import { GetStartedChecklist } from "@/components/overview/get-started-checklist";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { Prefetched } from "@/components/requests/prefetched";
import { requireUserForPage } from "@/lib/auth/current-user";
import { mayAdminister } from "@/lib/authorization/rules";
import { getOverview } from "@/lib/overview/get-overview";
import { getOnboardingProgress } from "@/lib/setup/get-onboarding-progress";
import { configuredBaseUrl } from "@/lib/webhooks/chat-message";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requireUserForPage();
  const [overview, onboarding] = await Promise.all([
    getOverview({ principal: viewer }),
    mayAdminister(viewer) ? getOnboardingProgress({ principal: viewer, baseUrl: configuredBaseUrl() }) : null,
  ]);
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-lg font-semibold">Overview</h1>
      {/* An installation that has approved a request is past its first hour: the checklist is not shown again. */}
      {onboarding && !onboarding.complete && (
        <Prefetched queryKey={queryKeys.onboarding} data={onboarding}>
          <GetStartedChecklist />
        </Prefetched>
      )}
      <Prefetched queryKey={queryKeys.overview} data={overview}>
        <OverviewDashboard viewerRole={viewer.role} />
      </Prefetched>
    </div>
  );
}
