import { rotateAgentKey } from "@/lib/agents/rotate-agent-key";
import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/admin/agents/{id}/keys/{keyId}/rotate"), async ({ caller, body, params }) =>
  json(await rotateAgentKey({ principal: caller, agentId: params.id, keyId: params.keyId, ...body }), 201),
);
