import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { getOrAwaitRequest } from "@/lib/requests/get-or-await-request";

export const dynamic = "force-dynamic";

export const GET = apiRoute(route("get", "/api/v1/access-requests/{id}"), async ({ caller, query, params, request }) =>
  json(await getOrAwaitRequest({ principal: caller, requestId: params.id, waitSeconds: query.wait, signal: request.signal })),
);
