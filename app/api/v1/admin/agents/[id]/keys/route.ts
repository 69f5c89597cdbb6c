import { issueAgentKey } from "@/lib/agents/issue-agent-key";
import { listAgentKeys } from "@/lib/agents/list-agent-keys";
import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute(route("get", "/api/v1/admin/agents/{id}/keys"), async ({ params }) => json({ items: await listAgentKeys({ agentId: params.id }) }));

export const POST = apiRoute(route("post", "/api/v1/admin/agents/{id}/keys"), async ({ caller, body, params }) =>
  json(await issueAgentKey({ principal: caller, agentId: params.id, expiresInSeconds: body.expiresInSeconds }), 201),
);
