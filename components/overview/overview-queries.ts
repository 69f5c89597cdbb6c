import type { Overview } from "@/lib/overview/get-overview";
import { fetchJson } from "@/components/requests/request-queries";

export type { Overview };

/** Invalidated by every change (components/live/live-events.tsx). */
export const overviewKey = ["overview"] as const;

export const fetchOverview = () => fetchJson<Overview>("/api/ui/overview");
