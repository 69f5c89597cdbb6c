import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { fileAccessRequest } from "@/lib/requests/file-access-request";
import { listRequests } from "@/lib/requests/list-requests";

export const POST = apiRoute(route("post", "/api/v1/access-requests"), async ({ caller, body, headers }) => {
  const filed = await fileAccessRequest({ principal: caller, input: body, idempotencyKey: headers["idempotency-key"] });
  return json(filed.request, filed.replayed ? 200 : 201, { Location: `/api/v1/access-requests/${filed.request.id}` });
});

export const GET = apiRoute(route("get", "/api/v1/access-requests"), async ({ caller, query }) => json(await listRequests({ principal: caller, ...query })));
