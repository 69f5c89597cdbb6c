import type { AuditListItem, AuditPage } from "@/lib/audit/list-audit-events";
import type { AuditPageQuery } from "@/lib/audit/schemas";
import { fetchJson } from "@/components/shared/fetch-json";
import { listSearchParams } from "@/components/ui/keyset-pager";

export type { AuditListItem, AuditPage };

/** The parsed query as the browser keeps it: times as ISO strings, so keys and URLs are plain text. */
export type AuditQuery = Omit<AuditPageQuery, "from" | "to"> & { from?: string; to?: string };

export const toAuditQuery = (query: AuditPageQuery): AuditQuery => ({ ...query, from: query.from?.toISOString(), to: query.to?.toISOString() });

export const fetchAuditPage = (query: AuditQuery) => fetchJson<AuditPage>(`/api/ui/audit?${listSearchParams(query)}`);
