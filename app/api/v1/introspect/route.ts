import { introspectGrantToken } from "@/lib/grant-tokens/introspect-grant-token";
import { introspectBody } from "@/lib/grant-tokens/schemas";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute({ caller: "resource-server", body: introspectBody, acceptsForm: true, examinedOnly: ["token"] }, async ({ caller, body, request, clock }) =>
  json(await introspectGrantToken({ token: body.token, audience: caller.audience, issuer: tokenIssuer(request), clock })),
);
