import { issueAgentKey } from "@/lib/agents/issue-agent-key";
import { listAgentKeys } from "@/lib/agents/list-agent-keys";
import { agentParams } from "@/lib/agents/route-params";
import { createAgentKeyBody } from "@/lib/agents/schemas";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute({ caller: "admin", params: agentParams }, async ({ params }) => json({ items: await listAgentKeys({ agentId: params.id }) }));

export const POST = apiRoute({ caller: "admin", body: createAgentKeyBody, params: agentParams }, async ({ caller, body, params }) =>
  json(await issueAgentKey({ principal: caller, agentId: params.id, expiresInSeconds: body.expiresInSeconds }), 201),
);
