import { route } from "@/lib/api/route-table";
import { introspectGrantToken } from "@/lib/grant-tokens/introspect-grant-token";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/introspect"), async ({ caller, body, request, clock }) =>
  json(await introspectGrantToken({ token: body.token, audience: caller.audience, issuer: tokenIssuer(request), clock })),
);
