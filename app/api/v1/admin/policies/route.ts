import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { getActivePolicies } from "@/lib/policy/get-active-policies";

export const dynamic = "force-dynamic";

export const GET = apiRoute(route("get", "/api/v1/admin/policies"), async ({ caller, clock }) => json(await getActivePolicies({ principal: caller, clock })));
