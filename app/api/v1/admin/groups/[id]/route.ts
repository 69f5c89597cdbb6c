import { route } from "@/lib/api/route-table";
import { updateGroup } from "@/lib/groups/update-group";
import { apiRoute, json } from "@/lib/http/api-route";

export const PATCH = apiRoute(route("patch", "/api/v1/admin/groups/{id}"), async ({ caller, params, body }) =>
  json(await updateGroup({ principal: caller, groupId: params.id, input: body })),
);
