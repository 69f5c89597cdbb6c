import type { Overview } from "@/lib/overview/get-overview";
import type { TimeToApprove } from "@/lib/overview/get-time-to-approve";
import type { ApprovalRange } from "@/lib/overview/time-to-approve-scale";
import { fetchJson } from "@/components/shared/fetch-json";

export type { Overview };

/** Invalidated by every change (components/live/live-events.tsx). */
export const overviewKey = ["overview"] as const;

export const fetchOverview = () => fetchJson<Overview>("/api/ui/overview");

/** Under the overview key, so every change that refreshes the overview refreshes the chart too. */
export const timeToApproveKey = (range: ApprovalRange) => ["overview", "time-to-approve", range] as const;

export const fetchTimeToApprove = (range: ApprovalRange) => fetchJson<TimeToApprove>(`/api/ui/overview/time-to-approve?range=${range}`);
