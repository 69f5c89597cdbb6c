import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { listPolicyProposals } from "@/lib/policy/list-policy-proposals";
import { proposePolicySet } from "@/lib/policy/propose-policy-set";

export const dynamic = "force-dynamic";

export const GET = apiRoute(route("get", "/api/v1/admin/policy-proposals"), async ({ caller, query, clock }) =>
  json({ items: await listPolicyProposals({ principal: caller, status: query.status, clock }) }),
);

export const POST = apiRoute(route("post", "/api/v1/admin/policy-proposals"), async ({ caller, body, clock }) =>
  json(await proposePolicySet({ principal: caller, policies: body.policies, note: body.note, clock }), 201),
);
