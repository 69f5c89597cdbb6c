import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { cancelRequest } from "@/lib/requests/cancel-request";
import { cancelRequestBody } from "@/lib/requests/schemas";

export const POST = apiRoute({ caller: "agent", body: cancelRequestBody, params: z.object({ id: z.string().max(64) }) }, async ({ caller, body, params }) =>
  json(await cancelRequest({ agentId: caller.agentId, requestId: params.id, reason: body.reason })),
);
