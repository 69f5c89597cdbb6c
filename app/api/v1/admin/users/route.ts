import { apiRoute, json } from "@/lib/http/api-route";
import { publicBaseUrl } from "@/lib/http/public-url";
import { createUser } from "@/lib/users/create-user";
import { createUserBody } from "@/lib/users/schemas";

export const POST = apiRoute({ caller: "admin", body: createUserBody }, async ({ caller, body, request }) =>
  json(await createUser({ principal: caller, input: body, baseUrl: publicBaseUrl(request) }), 201),
);
