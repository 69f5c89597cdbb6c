import { route } from "@/lib/api/route-table";
import { issueCredential } from "@/lib/credentials/issue-credential";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/grants/{id}/credentials"), async ({ caller, body, params, clock }) =>
  json(await issueCredential({ principal: caller, grantId: params.id, provider: body.provider, rotate: body.rotate, clock })),
);
