import { decideAccess } from "@/lib/decisions/decide-access";
import { processDecisionContext } from "@/lib/decisions/process-decision-context";
import { decisionQuestionBody } from "@/lib/decisions/schemas";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute({ caller: "resource-server", body: decisionQuestionBody, examinedOnly: ["token"] }, async ({ caller, body, request }) =>
  json(await decideAccess({ ...processDecisionContext(), question: body, audience: caller.audience, issuer: tokenIssuer(request) })),
);
