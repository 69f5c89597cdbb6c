import type { GrantDetail } from "@/lib/grants/get-grant-detail";
import type { GrantListItem, GrantStatusFilter } from "@/lib/grants/list-grants";
import { ProblemError, type Problem } from "@/components/requests/request-queries";

export type { GrantDetail, GrantListItem, GrantStatusFilter };

/** The keys the live event stream invalidates (components/live/live-events.tsx): ["grants"] covers every filter. */
export const grantKey = (id: string) => ["grant", id] as const;
export const grantsKey = (status: GrantStatusFilter) => ["grants", status] as const;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => null)) as Problem | null;
  throw new ProblemError(problem ?? { type: "about:blank", title: response.statusText, status: response.status, detail: `The server answered ${response.status}` });
}

export const fetchGrant = (id: string) => fetchJson<GrantDetail>(`/api/ui/grants/${encodeURIComponent(id)}`);
export const fetchGrants = (status: GrantStatusFilter) => fetchJson<GrantListItem[]>(`/api/ui/grants?${new URLSearchParams({ status })}`);
