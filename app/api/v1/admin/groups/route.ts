import { route } from "@/lib/api/route-table";
import { createGroup } from "@/lib/groups/create-group";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/admin/groups"), async ({ caller, body }) =>
  json(await createGroup({ principal: caller, input: body }), 201),
);
