import { agentKeyParams } from "@/lib/agents/route-params";
import { rotateAgentKey } from "@/lib/agents/rotate-agent-key";
import { rotateAgentKeyBody } from "@/lib/agents/schemas";
import { apiRoute, json } from "@/lib/http/api-route";
import { personActor } from "@/lib/http/person-actor";

export const POST = apiRoute({ caller: "admin", body: rotateAgentKeyBody, params: agentKeyParams }, async ({ caller, body, params }) =>
  json(await rotateAgentKey({ actor: personActor(caller), agentId: params.id, keyId: params.keyId, ...body }), 201),
);
