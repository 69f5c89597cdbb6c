import { route } from "@/lib/api/route-table";
import { updateGroup } from "@/lib/groups/update-group";
import { apiRoute, json } from "@/lib/http/api-route";
import { personActor } from "@/lib/http/person-actor";

export const PATCH = apiRoute(route("patch", "/api/v1/admin/groups/{id}"), async ({ caller, params, body }) =>
  json(await updateGroup({ actor: personActor(caller), groupId: params.id, input: body })),
);
