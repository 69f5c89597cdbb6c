import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { listAgentGrants } from "@/lib/grants/list-agent-grants";

export const GET = apiRoute(route("get", "/api/v1/grants"), async ({ caller, query }) =>
  json({ items: await listAgentGrants({ principal: caller, status: query.status }) }),
);
