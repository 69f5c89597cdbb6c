import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { addFederatedIdentity } from "@/lib/workload-identity/add-federated-identity";
import { getAgentFederation } from "@/lib/workload-identity/get-agent-federation";

export const GET = apiRoute(route("get", "/api/v1/admin/agents/{id}/federated-identities"), async ({ caller, params }) =>
  json(await getAgentFederation({ principal: caller, agentId: params.id })),
);

export const POST = apiRoute(route("post", "/api/v1/admin/agents/{id}/federated-identities"), async ({ caller, params, body }) =>
  json(await addFederatedIdentity({ principal: caller, agentId: params.id, input: body }), 201),
);
