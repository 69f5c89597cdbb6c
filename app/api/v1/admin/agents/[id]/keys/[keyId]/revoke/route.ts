import { revokeAgentKey } from "@/lib/agents/revoke-agent-key";
import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/admin/agents/{id}/keys/{keyId}/revoke"), async ({ caller, params }) =>
  json(await revokeAgentKey({ principal: caller, agentId: params.id, keyId: params.keyId })),
);
