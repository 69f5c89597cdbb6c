import { route } from "@/lib/api/route-table";
import { apiRoute } from "@/lib/http/api-route";
import { deleteWorkloadIssuer } from "@/lib/workload-identity/delete-workload-issuer";

export const DELETE = apiRoute(route("delete", "/api/v1/admin/workload-issuers/{id}"), async ({ caller, params }) => {
  await deleteWorkloadIssuer({ principal: caller, issuerId: params.id });
  return new Response(null, { status: 204 });
});
