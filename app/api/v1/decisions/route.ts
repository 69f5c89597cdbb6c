import { route } from "@/lib/api/route-table";
import { decideAccess } from "@/lib/decisions/decide-access";
import { processDecisionContext } from "@/lib/decisions/process-decision-context";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/decisions"), async ({ caller, body, request }) =>
  json(await decideAccess({ ...processDecisionContext(), question: body, audience: caller.audience, issuer: tokenIssuer(request) })),
);
