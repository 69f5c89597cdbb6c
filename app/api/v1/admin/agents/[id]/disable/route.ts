import { disableAgent } from "@/lib/agents/disable-agent";
import { agentParams } from "@/lib/agents/route-params";
import { disableAgentBody } from "@/lib/agents/schemas";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute({ caller: "admin", body: disableAgentBody, params: agentParams }, async ({ caller, body, params }) =>
  json(await disableAgent({ principal: caller, agentId: params.id, reason: body.reason })),
);
