import type { GrantDetail } from "@/lib/grants/get-grant-detail";
import type { GrantListItem, GrantPage, GrantStatusFilter } from "@/lib/grants/list-grants";
import type { GrantSearch } from "@/lib/grants/schemas";
import { fetchJson } from "@/components/shared/fetch-json";
import { listSearchParams } from "@/components/ui/keyset-pager";

export type { GrantDetail, GrantListItem, GrantPage, GrantSearch, GrantStatusFilter };

/** The keys the live event stream invalidates (components/live/live-events.tsx): ["grants"] covers every filter. */
export const grantKey = (id: string) => ["grant", id] as const;
export const grantsKey = (search: GrantSearch) => ["grants", search] as const;

export const fetchGrant = (id: string) => fetchJson<GrantDetail>(`/api/ui/grants/${encodeURIComponent(id)}`);
export const fetchGrants = (search: GrantSearch) => fetchJson<GrantPage>(`/api/ui/grants?${listSearchParams(search)}`);
