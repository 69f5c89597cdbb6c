import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentDetailView } from "@/components/incidents/incident-detail-view";
import { incidentKey } from "@/components/incidents/incident-queries";
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
    <Prefetched queryKey={incidentKey(id)} data={detail}>
      <IncidentDetailView incidentId={id} />
    </Prefetched>
  );
}
