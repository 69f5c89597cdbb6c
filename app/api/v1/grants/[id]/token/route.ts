import { route } from "@/lib/api/route-table";
import { issueGrantToken } from "@/lib/grant-tokens/issue-grant-token";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/grants/{id}/token"), async ({ caller, body, params, request, clock }) =>
  json(await issueGrantToken({ principal: caller, grantId: params.id, audience: body.audience, issuer: tokenIssuer(request), clock })),
);
