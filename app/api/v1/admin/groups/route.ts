import { route } from "@/lib/api/route-table";
import { createGroup } from "@/lib/groups/create-group";
import { listGroups } from "@/lib/groups/list-groups";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute(route("get", "/api/v1/admin/groups"), async () => json({ items: await listGroups() }));

export const POST = apiRoute(route("post", "/api/v1/admin/groups"), async ({ caller, body }) =>
  json(await createGroup({ principal: caller, input: body }), 201),
);
