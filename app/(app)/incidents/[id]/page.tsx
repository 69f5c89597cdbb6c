import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentDetailView } from "@/components/incidents/incident-detail-view";
import { queryKeys } from "@/components/live/query-keys";
import { Prefetched } from "@/components/requests/prefetched";
import { requireUserForPage } from "@/lib/auth/current-user";
import { getIncidentDetail } from "@/lib/incidents/get-incident-detail";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireUserForPage();
  const { id } = await params;
  const detail = await getIncidentDetail({ principal: viewer, incidentId: id });
  if (!detail) notFound();
  return (
    <Prefetched queryKey={queryKeys.incident(id)} data={detail}>
      <IncidentDetailView incidentId={id} />
    </Prefetched>
  );
}
