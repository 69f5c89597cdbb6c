import { route } from "@/lib/api/route-table";
import { apiRoute } from "@/lib/http/api-route";
import { removeFederatedIdentity } from "@/lib/workload-identity/remove-federated-identity";

export const DELETE = apiRoute(route("delete", "/api/v1/admin/agents/{id}/federated-identities/{identityId}"), async ({ caller, params }) => {
  await removeFederatedIdentity({ principal: caller, agentId: params.id, identityId: params.identityId });
  return new Response(null, { status: 204 });
});
