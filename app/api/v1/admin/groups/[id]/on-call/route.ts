import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { getOnCall } from "@/lib/on-call/get-on-call";
import { setOnCall } from "@/lib/on-call/set-on-call";

export const GET = apiRoute(route("get", "/api/v1/admin/groups/{id}/on-call"), async ({ params, clock }) =>
  json(await getOnCall({ groupId: params.id, clock })),
);

export const PUT = apiRoute(route("put", "/api/v1/admin/groups/{id}/on-call"), async ({ caller, params, body, clock }) =>
  json(await setOnCall({ principal: caller, groupId: params.id, input: body, clock })),
);
