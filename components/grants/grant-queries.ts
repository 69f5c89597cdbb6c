import type { GrantDetail } from "@/lib/grants/get-grant-detail";
import type { GrantListItem, GrantPage, GrantStatusFilter } from "@/lib/grants/list-grants";
import type { GrantSearch } from "@/lib/grants/schemas";
import { fetchJson } from "@/components/shared/fetch-json";
import { listSearchParams } from "@/components/ui/keyset-pager";

export type { GrantDetail, GrantListItem, GrantPage, GrantSearch, GrantStatusFilter };

export const fetchGrant = (id: string) => fetchJson<GrantDetail>(`/api/ui/grants/${encodeURIComponent(id)}`);
export const fetchGrants = (search: GrantSearch) => fetchJson<GrantPage>(`/api/ui/grants?${listSearchParams(search)}`);
