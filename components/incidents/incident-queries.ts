import type { IncidentStatusFilter } from "@/lib/incidents/list-incidents";
import { fetchJson } from "@/components/shared/fetch-json";
import type { IncidentDetail } from "@/lib/incidents/get-incident-detail";
import type { IncidentDto } from "@/lib/incidents/schemas";

export type { IncidentDetail, IncidentDto };

/**
 * The keys the live event stream invalidates (components/live/live-events.tsx): an incident's own events
 * and those of any grant or request (which may be bound to an incident) refresh these.
 */
export const incidentsKey = (status: IncidentStatusFilter) => ["incidents", status] as const;
export const incidentKey = (id: string) => ["incident", id] as const;

export const fetchIncidents = (status: IncidentStatusFilter) => fetchJson<IncidentDto[]>(`/api/ui/incidents?status=${status}`);
export const fetchIncident = (id: string) => fetchJson<IncidentDetail>(`/api/ui/incidents/${encodeURIComponent(id)}`);
