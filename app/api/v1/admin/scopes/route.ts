import { apiRoute, json } from "@/lib/http/api-route";
import { createScope } from "@/lib/scopes/create-scope";
import { listScopes } from "@/lib/scopes/list-scopes";
import { createScopeBody } from "@/lib/scopes/schemas";

export const GET = apiRoute({ caller: "admin" }, async () => json({ items: await listScopes() }));

export const POST = apiRoute({ caller: "admin", body: createScopeBody }, async ({ caller, body }) =>
  json(await createScope({ principal: caller, input: body }), 201),
);
