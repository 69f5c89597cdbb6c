import { createAgent } from "@/lib/agents/create-agent";
import { listAgents } from "@/lib/agents/list-agents";
import { createAgentBody } from "@/lib/agents/schemas";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute({ caller: "admin" }, async () => json({ items: await listAgents() }));

export const POST = apiRoute({ caller: "admin", body: createAgentBody }, async ({ caller, body }) =>
  json(await createAgent({ principal: caller, input: body }), 201),
);
