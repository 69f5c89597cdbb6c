import { describeAuthorizationServer } from "@/lib/grant-tokens/describe-authorization-server";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return Response.json(describeAuthorizationServer({ issuer: tokenIssuer(request) }), { headers: { "Cache-Control": "public, max-age=300" } });
}
