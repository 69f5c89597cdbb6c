import type { IncidentStatusFilter } from "@/lib/incidents/list-incidents";
import { fetchJson } from "@/components/shared/fetch-json";
import type { IncidentDetail } from "@/lib/incidents/get-incident-detail";
import type { IncidentDto } from "@/lib/incidents/schemas";

export type { IncidentDetail, IncidentDto };

export const fetchIncidents = (status: IncidentStatusFilter) => fetchJson<IncidentDto[]>(`/api/ui/incidents?status=${status}`);
export const fetchIncident = (id: string) => fetchJson<IncidentDetail>(`/api/ui/incidents/${encodeURIComponent(id)}`);
