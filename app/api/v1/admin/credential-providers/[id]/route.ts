import { route } from "@/lib/api/route-table";
import { deleteCredentialProvider } from "@/lib/credentials/delete-credential-provider";
import { updateCredentialProvider } from "@/lib/credentials/update-credential-provider";
import { apiRoute, json } from "@/lib/http/api-route";

export const PATCH = apiRoute(route("patch", "/api/v1/admin/credential-providers/{id}"), async ({ caller, body, params, clock }) =>
  json(await updateCredentialProvider({ principal: caller, providerId: params.id, input: body, clock })),
);

export const DELETE = apiRoute(route("delete", "/api/v1/admin/credential-providers/{id}"), async ({ caller, params, clock }) => {
  await deleteCredentialProvider({ principal: caller, providerId: params.id, clock });
  return new Response(null, { status: 204 });
});
