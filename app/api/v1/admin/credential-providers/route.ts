import { route } from "@/lib/api/route-table";
import { createCredentialProvider } from "@/lib/credentials/create-credential-provider";
import { listCredentialProviders } from "@/lib/credentials/list-credential-providers";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute(route("get", "/api/v1/admin/credential-providers"), async ({ caller, clock }) =>
  json({ items: await listCredentialProviders({ principal: caller, clock }) }),
);

export const POST = apiRoute(route("post", "/api/v1/admin/credential-providers"), async ({ caller, body, clock }) =>
  json(await createCredentialProvider({ principal: caller, input: body, clock }), 201),
);
