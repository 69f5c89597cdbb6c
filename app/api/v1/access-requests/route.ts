import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { enforceFilingRate } from "@/lib/requests/enforce-filing-rate";
import { fileRequest } from "@/lib/requests/file-request";
import { listRequests } from "@/lib/requests/list-requests";
import { fileRequestBody, listRequestsQuery } from "@/lib/requests/schemas";

const idempotencyKey = z.string().min(1).max(255).optional();

export const POST = apiRoute({ caller: "agent", body: fileRequestBody }, async ({ caller, body, request }) => {
  enforceFilingRate(caller.keyId);
  const key = idempotencyKey.parse(request.headers.get("idempotency-key") ?? undefined);
  const filed = await fileRequest({ agentId: caller.agentId, input: body, idempotencyKey: key });
  return json(filed.request, filed.replayed ? 200 : 201, { Location: `/api/v1/access-requests/${filed.request.id}` });
});

export const GET = apiRoute({ caller: "agent", query: listRequestsQuery }, async ({ caller, query }) =>
  json(await listRequests({ agentId: caller.agentId, ...query })),
);
