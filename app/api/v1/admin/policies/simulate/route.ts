import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { simulatePolicySet } from "@/lib/policy/simulate-policy-set";

export const POST = apiRoute(route("post", "/api/v1/admin/policies/simulate"), async ({ body, clock }) =>
  json(await simulatePolicySet({ policies: body.policies, since: body.since ? new Date(body.since) : undefined, request: body.request, now: clock.now() })),
);
