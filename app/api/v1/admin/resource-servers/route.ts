import { apiRoute, json } from "@/lib/http/api-route";
import { createResourceServer } from "@/lib/resource-servers/create-resource-server";
import { listResourceServers } from "@/lib/resource-servers/list-resource-servers";
import { createResourceServerBody } from "@/lib/resource-servers/schemas";

export const GET = apiRoute({ caller: "admin" }, async () => json({ items: await listResourceServers() }));

export const POST = apiRoute({ caller: "admin", body: createResourceServerBody }, async ({ caller, body }) =>
  json(await createResourceServer({ principal: caller, input: body }), 201),
);
