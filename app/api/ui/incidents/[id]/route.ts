import { notFound } from "@/lib/kernel/errors";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { getIncidentDetail } from "@/lib/incidents/get-incident-detail";
import { incidentParams } from "@/lib/incidents/schemas";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ params: incidentParams }, async ({ principal, params }) => {
  const detail = await getIncidentDetail({ principal, incidentId: params.id });
  if (!detail) throw notFound("The incident");
  return json(detail);
});
