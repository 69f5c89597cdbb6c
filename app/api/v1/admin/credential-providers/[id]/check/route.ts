import { route } from "@/lib/api/route-table";
import { checkCredentialProvider } from "@/lib/credentials/check-credential-provider";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute(route("post", "/api/v1/admin/credential-providers/{id}/check"), async ({ caller, params, clock }) =>
  json(await checkCredentialProvider({ principal: caller, providerId: params.id, clock })),
);
