import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { getPolicyProposal } from "@/lib/policy/list-policy-proposals";

export const dynamic = "force-dynamic";

export const GET = apiRoute(route("get", "/api/v1/admin/policy-proposals/{id}"), async ({ caller, params, clock }) =>
  json(await getPolicyProposal({ principal: caller, proposalId: params.id, clock })),
);
