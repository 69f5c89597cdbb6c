import { agentKeyParams } from "@/lib/agents/route-params";
import { revokeAgentKey } from "@/lib/agents/revoke-agent-key";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute({ caller: "admin", params: agentKeyParams }, async ({ caller, params }) =>
  json(await revokeAgentKey({ principal: caller, agentId: params.id, keyId: params.keyId })),
);
