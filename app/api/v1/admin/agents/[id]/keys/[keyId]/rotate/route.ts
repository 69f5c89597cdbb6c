import { agentKeyParams } from "@/lib/agents/route-params";
import { rotateAgentKey } from "@/lib/agents/rotate-agent-key";
import { rotateAgentKeyBody } from "@/lib/agents/schemas";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute({ caller: "admin", body: rotateAgentKeyBody, params: agentKeyParams }, async ({ caller, body, params }) =>
  json(await rotateAgentKey({ principal: caller, agentId: params.id, keyId: params.keyId, ...body }), 201),
);
