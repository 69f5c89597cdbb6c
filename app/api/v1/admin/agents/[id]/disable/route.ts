import { disableAgent } from "@/lib/agents/disable-agent";
import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/admin/agents/{id}/disable"), async ({ caller, body, params }) =>
  json(await disableAgent({ principal: caller, agentId: params.id, reason: body.reason })),
);
