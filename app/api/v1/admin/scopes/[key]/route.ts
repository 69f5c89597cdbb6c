import { z } from "zod";
import { scopeKeySchema } from "@/lib/api/common-schemas";
import { apiRoute, json } from "@/lib/http/api-route";
import { updateScopeBody } from "@/lib/scopes/schemas";
import { updateScope } from "@/lib/scopes/update-scope";

export const PATCH = apiRoute({ caller: "admin", body: updateScopeBody, params: z.object({ key: scopeKeySchema }) }, async ({ caller, body, params }) =>
  json(await updateScope({ principal: caller, key: params.key, input: body })),
);
