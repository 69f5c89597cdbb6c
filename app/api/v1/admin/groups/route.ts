import { createGroup } from "@/lib/groups/create-group";
import { createGroupBody } from "@/lib/groups/schemas";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute({ caller: "admin", body: createGroupBody }, async ({ caller, body }) =>
  json(await createGroup({ principal: caller, input: body }), 201),
);
