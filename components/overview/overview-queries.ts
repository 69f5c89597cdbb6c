import type { Overview } from "@/lib/overview/get-overview";
import type { TimeToApprove } from "@/lib/overview/get-time-to-approve";
import type { ApprovalRange } from "@/lib/overview/time-to-approve-scale";
import { fetchJson } from "@/components/shared/fetch-json";

export type { Overview };

export const fetchOverview = () => fetchJson<Overview>("/api/ui/overview");

export const fetchTimeToApprove = (range: ApprovalRange) => fetchJson<TimeToApprove>(`/api/ui/overview/time-to-approve?range=${range}`);
