import { route } from "@/lib/api/route-table";
import { updateAgent } from "@/lib/agents/update-agent";
import { apiRoute, json } from "@/lib/http/api-route";

export const PATCH = apiRoute(route("patch", "/api/v1/admin/agents/{id}"), async ({ caller, params, body }) =>
  json(await updateAgent({ principal: caller, agentId: params.id, input: body })),
);
