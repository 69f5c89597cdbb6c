import { apiRoute, json } from "@/lib/http/api-route";
import { getRequest } from "@/lib/requests/get-request";
import { getRequestQuery, requestParams } from "@/lib/requests/schemas";
import { waitForRequest } from "@/lib/requests/wait-for-request";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ caller: "agent", query: getRequestQuery, params: requestParams }, async ({ caller, query, params, request }) => {
  const options = { agentId: caller.agentId, requestId: params.id };
  return json(query.wait ? await waitForRequest({ ...options, waitSeconds: query.wait, signal: request.signal }) : await getRequest(options));
});
