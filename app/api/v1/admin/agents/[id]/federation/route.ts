import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { setAgentFederation } from "@/lib/workload-identity/set-agent-federation";

export const PATCH = apiRoute(route("patch", "/api/v1/admin/agents/{id}/federation"), async ({ caller, params, body }) =>
  json(await setAgentFederation({ principal: caller, agentId: params.id, requireFederation: body.requireFederation })),
);
