import { revokeAgentKey } from "@/lib/agents/revoke-agent-key";
import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { personActor } from "@/lib/http/person-actor";

export const POST = apiRoute(route("post", "/api/v1/admin/agents/{id}/keys/{keyId}/revoke"), async ({ caller, params }) =>
  json(await revokeAgentKey({ actor: personActor(caller), agentId: params.id, keyId: params.keyId })),
);
