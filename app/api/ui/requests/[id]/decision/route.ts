import { decideRequest } from "@/lib/approvals/decide-request";
import { decisionBody } from "@/lib/approvals/decision-body";
import { json } from "@/lib/http/api-route";
import { sessionRoute } from "@/lib/http/session-route";
import { requestParams } from "@/lib/requests/schemas";

export const POST = sessionRoute({ body: decisionBody, params: requestParams }, async ({ principal, body, params }) => {
  const decision =
    body.decision === "approve"
      ? {
          kind: "approve" as const,
          comment: body.comment,
          scopes: body.scopes,
          durationSeconds: body.durationSeconds,
          authorizationDetails: body.authorizationDetails,
        }
      : { kind: "deny" as const, reason: body.reason };
  return json(await decideRequest({ principal, requestId: params.id, decision }));
});
