import { disableAgent } from "@/lib/agents/disable-agent";
import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { personActor } from "@/lib/http/person-actor";

export const POST = apiRoute(route("post", "/api/v1/admin/agents/{id}/disable"), async ({ caller, body, params }) =>
  json(await disableAgent({ actor: personActor(caller), agentId: params.id, reason: body.reason })),
);
