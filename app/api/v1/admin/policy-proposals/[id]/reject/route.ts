import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { rejectPolicyProposal } from "@/lib/policy/decide-policy-proposal";

export const POST = apiRoute(route("post", "/api/v1/admin/policy-proposals/{id}/reject"), async ({ caller, params, body, clock }) =>
  json(await rejectPolicyProposal({ principal: caller, proposalId: params.id, note: body?.note, clock })),
);
