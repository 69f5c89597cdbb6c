import { createAgent } from "@/lib/agents/create-agent";
import { listAgents } from "@/lib/agents/list-agents";
import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute(route("get", "/api/v1/admin/agents"), async () => json({ items: await listAgents() }));

export const POST = apiRoute(route("post", "/api/v1/admin/agents"), async ({ caller, body }) =>
  json(await createAgent({ principal: caller, input: body }), 201),
);
