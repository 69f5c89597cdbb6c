import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { listEligibleScopes } from "@/lib/scopes/list-eligible-scopes";

export const GET = apiRoute(route("get", "/api/v1/scopes"), async ({ caller }) => json({ items: await listEligibleScopes({ principal: caller }) }));
