import { apiRoute, json } from "@/lib/http/api-route";
import { cancelRequest } from "@/lib/requests/cancel-request";
import { cancelRequestBody, requestParams } from "@/lib/requests/schemas";

export const POST = apiRoute({ caller: "agent", body: cancelRequestBody, params: requestParams }, async ({ caller, body, params }) =>
  json(await cancelRequest({ agentId: caller.agentId, requestId: params.id, reason: body.reason })),
);
