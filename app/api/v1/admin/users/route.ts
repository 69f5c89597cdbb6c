import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { publicBaseUrl } from "@/lib/http/public-url";
import { createUser } from "@/lib/users/create-user";

export const POST = apiRoute(route("post", "/api/v1/admin/users"), async ({ caller, body, request }) =>
  json(await createUser({ principal: caller, input: body, baseUrl: publicBaseUrl(request) }), 201),
);
