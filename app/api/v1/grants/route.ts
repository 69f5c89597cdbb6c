import { apiRoute, json } from "@/lib/http/api-route";
import { listAgentGrants } from "@/lib/grants/list-agent-grants";
import { listGrantsQuery } from "@/lib/grants/schemas";

export const GET = apiRoute({ caller: "agent", query: listGrantsQuery }, async ({ caller, query }) =>
  json({ items: await listAgentGrants({ agentId: caller.agentId, status: query.status }) }),
);
