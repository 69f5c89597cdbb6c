import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { updateScope } from "@/lib/scopes/update-scope";

export const PATCH = apiRoute(route("patch", "/api/v1/admin/scopes/{key}"), async ({ caller, body, params }) =>
  json(await updateScope({ principal: caller, key: params.key, input: body })),
);
