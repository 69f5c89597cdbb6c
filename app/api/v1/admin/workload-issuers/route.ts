import { route } from "@/lib/api/route-table";
import { apiRoute, json } from "@/lib/http/api-route";
import { createWorkloadIssuer } from "@/lib/workload-identity/create-workload-issuer";
import { listWorkloadIssuers } from "@/lib/workload-identity/list-workload-issuers";

export const GET = apiRoute(route("get", "/api/v1/admin/workload-issuers"), async ({ caller }) =>
  json({ items: await listWorkloadIssuers({ principal: caller }) }),
);

export const POST = apiRoute(route("post", "/api/v1/admin/workload-issuers"), async ({ caller, body }) =>
  json(await createWorkloadIssuer({ principal: caller, input: body }), 201),
);
