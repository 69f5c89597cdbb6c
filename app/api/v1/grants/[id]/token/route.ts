import { issueGrantToken } from "@/lib/grant-tokens/issue-grant-token";
import { issueTokenBody } from "@/lib/grant-tokens/schemas";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { grantParams } from "@/lib/grants/schemas";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute({ caller: "agent", body: issueTokenBody, params: grantParams }, async ({ caller, body, params, request, clock }) =>
  json(await issueGrantToken({ agentId: caller.agentId, grantId: params.id, audience: body.audience, issuer: tokenIssuer(request), clock })),
);
