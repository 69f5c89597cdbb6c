import { apiRoute, json } from "@/lib/http/api-route";
import { listEligibleScopes } from "@/lib/scopes/list-eligible-scopes";

export const GET = apiRoute({ caller: "agent" }, async ({ caller }) => json({ items: await listEligibleScopes({ agentId: caller.agentId }) }));
