import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { checkPolicySet } from "@/lib/policy/check-policy-set";

export const POST = apiRoute(route("post", "/api/v1/admin/policies/validate"), async ({ body }) => {
  checkPolicySet(body.policies);
  return json({ valid: true });
});
