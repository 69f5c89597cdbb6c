import { z } from "zod";
import { groupIdSchema, updateGroupBody } from "@/lib/groups/schemas";
import { updateGroup } from "@/lib/groups/update-group";
import { apiRoute, json } from "@/lib/http/api-route";

export const PATCH = apiRoute({ caller: "admin", params: z.object({ id: groupIdSchema }), body: updateGroupBody }, async ({ caller, params, body }) =>
  json(await updateGroup({ principal: caller, groupId: params.id, input: body })),
);
