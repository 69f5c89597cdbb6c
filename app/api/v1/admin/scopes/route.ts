import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { createScope } from "@/lib/scopes/create-scope";
import { listScopes } from "@/lib/scopes/list-scopes";

export const GET = apiRoute(route("get", "/api/v1/admin/scopes"), async () => json({ items: await listScopes() }));

export const POST = apiRoute(route("post", "/api/v1/admin/scopes"), async ({ caller, body }) =>
  json(await createScope({ principal: caller, input: body }), 201),
);
